"""The network directory on the headless API: shared content, site-aware and in every language."""
