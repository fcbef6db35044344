"""Putting the project's operations in place of Wagtail's on Wagtail's own routers.

Wagtail's API v3 mounts its routers (pages, images, documents) itself. Where the project
must answer a request differently (site scope, tenant-safe media), its operation takes the
place of Wagtail's on the same path and method, so the OpenAPI document keeps one operation
there and Wagtail's other methods (POST, PATCH, DELETE) stay as they are.
"""

from __future__ import annotations

from ninja import Router
from ninja.operation import PathView


def replace_operations(theirs: Router, ours: Router) -> None:
    """Put ``ours``' operations in place of ``theirs``' on the same paths and methods.

    Idempotent; must run before ``api.urls`` is first read (ninja freezes routers then).
    """
    for path, our_view in ours.path_operations.items():
        their_view = theirs.path_operations.get(path)
        if their_view is not None and our_view.operations[0] in their_view.operations:
            continue  # done by an earlier call
        theirs._check_not_frozen()  # ninja's own error if api.urls was already built
        their_view = theirs.path_operations.setdefault(path, PathView())
        methods = {method for operation in our_view.operations for method in operation.methods}
        kept = [op for op in their_view.operations if not methods.intersection(op.methods)]
        their_view.operations = [*our_view.operations, *kept]
