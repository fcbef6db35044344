"""The signature a receiver checks: HMAC-SHA256 over "<timestamp>.<raw body>" with the secret."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Mreza-Signature"
TIMESTAMP_HEADER = "X-Mreza-Timestamp"
EVENT_HEADER = "X-Mreza-Event"
DELIVERY_HEADER = "X-Mreza-Delivery"
USER_AGENT = "Mreza-Webhooks/1"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """``sha256=<hex>``; the timestamp is signed too, so a captured request cannot be replayed
    later with a fresh timestamp."""
    signed = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def headers(
    *, secret: str, event_type: str, delivery_id: int, timestamp: int, body: bytes
) -> dict[str, str]:
    """Every header of a delivery request."""
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_HEADER: event_type,
        DELIVERY_HEADER: str(delivery_id),
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }
