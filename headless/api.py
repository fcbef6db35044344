"""Everything Mreža adds to Wagtail's API v3, mounted in one place and in one OpenAPI document.

``configure_api`` runs once from ``config.urls``, before the API's urls are built: Ninja
freezes a router's operations when ``api.urls`` is first read.
"""

from ninja import NinjaAPI

from headless.openapi import serve_valid_openapi
from headless.pages import register_page_reads
from headless.params import register_error_handlers
from headless.preview import router as preview_router
from network.api import register_media_routers
from network.directory.api import router as network_router
from search.api import router as search_router
from sites.api import good_practices_router, occurrences_router


def configure_api(api: NinjaAPI) -> None:
    """Mount the project's routers and error handlers on Wagtail's API (idempotent)."""
    if getattr(api, "_mreza_configured", False):
        return
    api._mreza_configured = True
    register_error_handlers(api)
    serve_valid_openapi(api)
    register_media_routers(api)
    register_page_reads(api)
    # configure_api runs once, so each router is added once.
    api.add_router("/occurrences/", occurrences_router)
    api.add_router("/good-practices/", good_practices_router)
    api.add_router("/preview/", preview_router)
    api.add_router("/network/", network_router)
    api.add_router("/search/", search_router)
