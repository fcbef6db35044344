"""The demo sites: the network hub and six centres, each described in its own module."""

from __future__ import annotations

from network.demo.sites import aktivacija, hana, hub, socio, sopotniki, tocke_moci, zasavje
from network.demo.specs import SiteData

# The hub comes first: it becomes Wagtail's default site before any centre is provisioned.
SITES: tuple[SiteData, ...] = (
    hub.SITE,
    tocke_moci.SITE,
    socio.SITE,
    aktivacija.SITE,
    hana.SITE,
    zasavje.SITE,
    sopotniki.SITE,
)
