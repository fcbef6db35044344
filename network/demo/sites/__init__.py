"""The demo sites: the network hub and six centres, each described in its own module."""

from __future__ import annotations

from dataclasses import replace

from network.demo.sites import aktivacija, hana, hub, socio, sopotniki, tocke_moci, zasavje
from network.demo.sites.english import ENGLISH
from network.demo.specs import SiteData


def _with_english(site: SiteData) -> SiteData:
    """Every demo site publishes in its own language and in English."""
    english = ENGLISH.get(site.hostname)
    return replace(site, languages=("en",), translations=(english,) if english else ())


# The hub comes first: it becomes Wagtail's default site before any centre is provisioned.
SITES: tuple[SiteData, ...] = tuple(
    _with_english(site)
    for site in (
        hub.SITE,
        tocke_moci.SITE,
        socio.SITE,
        aktivacija.SITE,
        hana.SITE,
        zasavje.SITE,
        sopotniki.SITE,
    )
)
