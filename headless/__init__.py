"""The headless API's cross-cutting parts: routers on Wagtail's API v3, caching, limits, preview."""
