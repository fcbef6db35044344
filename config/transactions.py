"""One database transaction per write request.

Wagtail's publish, unpublish, move and delete actions are not atomic on their own, and a
publish must commit together with its webhook outbox event (webhooks/) or not at all. Only
unsafe methods are wrapped: reads need no transaction, and wrapping them would add a
savepoint pair to every API read inside tests' query budgets for nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.http import HttpRequest, HttpResponse

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class WriteTransactionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                # A server error must not leave half of what the request wrote.
                transaction.set_rollback(True)
            return response
