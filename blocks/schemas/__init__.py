"""Typed shapes of what blocks and page fields return in the API (see ``derive`` for streams).

``shared`` holds the objects blocks and page fields both show, ``values`` one shape per body
block, and ``derive`` turns any block into a type for the OpenAPI document.
"""
