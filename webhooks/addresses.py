"""Webhooks go to public receivers only: a moderator must not make the server POST to its
own network (server-side request forgery). Checked when a subscription is saved and again
before each delivery, since a hostname may resolve elsewhere later. Development and test
settings allow private addresses (receivers on loopback).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


def private_addresses_allowed() -> bool:
    return settings.MREZA["WEBHOOKS"]["ALLOW_PRIVATE_ADDRESSES"]


def private_address(url: str) -> str | None:
    """An address of the URL's host that is not on the public internet, if it has one.

    Loopback, private, link-local, shared and reserved ranges all count. A host that does
    not resolve has none: its delivery fails and is retried like any unreachable receiver.
    """
    host = urlsplit(url).hostname
    if not host:
        return None
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return None
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if not address.is_global:
            return str(address)
    return None


def refused_address(url: str) -> str | None:
    """The private address a delivery to ``url`` would reach, unless settings allow it."""
    return None if private_addresses_allowed() else private_address(url)
