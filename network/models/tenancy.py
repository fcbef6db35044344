"""A tenant: one centre's site with its editor groups and media collection."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Site


class Tenant(models.Model):
    """Binds a Wagtail Site to the groups that edit it and the collection that holds its media.

    The owning organisation is the one whose ``site`` is this tenant's site.
    """

    site = models.OneToOneField(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="tenant"
    )
    editors = models.ForeignKey(
        Group, verbose_name=_("editors group"), on_delete=models.PROTECT, related_name="+"
    )
    moderators = models.ForeignKey(
        Group, verbose_name=_("moderators group"), on_delete=models.PROTECT, related_name="+"
    )
    collection = models.ForeignKey(
        Collection, verbose_name=_("media collection"), on_delete=models.PROTECT, related_name="+"
    )
    time_zone = models.CharField(_("time zone"), max_length=40, default="Europe/Ljubljana")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("centre site")
        verbose_name_plural = _("centre sites")
        permissions = [
            ("manage_network", _("Can see and edit every centre's content")),
        ]

    def __str__(self) -> str:
        return self.site.site_name or self.site.hostname

    @classmethod
    def time_zone_for(cls, site: Site | None) -> str:
        """The zone a site's dates are in: its tenant's, else the install's."""
        zone = cls.objects.filter(site=site).values_list("time_zone", flat=True).first()
        return zone or settings.TIME_ZONE

    @property
    def organisation(self):
        from network.models.organisations import Organisation

        return Organisation.objects.filter(site=self.site).order_by("pk").first()
