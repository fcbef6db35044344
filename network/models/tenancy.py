"""A tenant: one centre's site with its editor groups, media collection and languages."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Locale, Site


def validate_language_code(value: str) -> None:
    """A language must be one of the install's locales (settings.LANGUAGES)."""
    known = [code for code, _name in settings.LANGUAGES]
    if value not in known:
        raise ValidationError(
            _("“%(code)s” is not a language of this network (%(known)s)."),
            code="unknown_language",
            params={"code": value, "known": ", ".join(known)},
        )


def validate_language_list(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(
            _('Give the languages as a list of language codes, e.g. ["sl", "en"].'),
            code="invalid_languages",
        )
    for code in value:
        validate_language_code(code)
    if len(set(value)) != len(value):
        raise ValidationError(_("Each language may be listed once."), code="duplicate_language")


@dataclass(frozen=True)
class SiteLanguages:
    """The languages a site publishes in, its default first."""

    default: str
    codes: tuple[str, ...]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def locales(self):
        """The wagtail Locales of these languages, default first."""
        found = {
            locale.language_code: locale
            for locale in Locale.objects.filter(language_code__in=self.codes)
        }
        return [found[code] for code in self.codes if code in found]


def install_languages(default: str | None = None) -> SiteLanguages:
    """Every locale of the install: what a site without its own choice publishes in."""
    codes = [code for code, _name in settings.LANGUAGES]
    default = default if default in codes else settings.LANGUAGE_CODE
    return SiteLanguages(default=default, codes=(default, *[c for c in codes if c != default]))


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
    # wagtail-localize's locales are install-wide; which of them a site uses is chosen here.
    default_language = models.CharField(
        _("default language"),
        max_length=10,
        blank=True,
        validators=[validate_language_code],
        help_text=_(
            "The language of the site's home page, shown when a page is not translated into "
            "the visitor's language. Empty: the language of the home page."
        ),
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        validators=[validate_language_list],
        help_text=_(
            'The languages the site publishes in, e.g. ["sl", "en"]. '
            "Empty: every language of the network."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("centre site")
        verbose_name_plural = _("centre sites")
        permissions = [
            ("manage_network", _("Can see and edit every centre's content")),
        ]

    def __str__(self) -> str:
        return self.site.site_name or self.site.hostname

    def clean(self) -> None:
        super().clean()
        if self.default_language and self.languages and self.default_language not in self.languages:
            raise ValidationError(
                {"default_language": _("The default language must be one of the site's languages.")}
            )

    @classmethod
    def time_zone_for(cls, site: Site | None) -> str:
        """The zone a site's dates are in: its tenant's, else the install's."""
        zone = cls.objects.filter(site=site).values_list("time_zone", flat=True).first()
        return zone or settings.TIME_ZONE

    @classmethod
    def languages_for(cls, site: Site | None) -> SiteLanguages:
        """The languages ``site`` publishes in (one query); every install language if unset."""
        if site is None:
            return install_languages()
        return cls.languages_of_sites(Site.objects.filter(pk=site.pk)).get(
            site.pk, install_languages()
        )

    @classmethod
    def languages_of_sites(cls, sites: models.QuerySet[Site]) -> dict[int, SiteLanguages]:
        """``languages_for`` of many sites in one query, by site id."""
        rows = sites.values_list(
            "pk",
            "tenant__default_language",
            "tenant__languages",
            "root_page__locale__language_code",
        )
        return {pk: cls._site_languages(*row) for pk, *row in rows}

    @staticmethod
    def _site_languages(
        default: str | None, codes: list | None, home_language: str
    ) -> SiteLanguages:
        default = default or home_language
        if not codes:
            return install_languages(default)
        known = [code for code, _name in settings.LANGUAGES]
        # Codes dropped from MREZA_LANGUAGES since they were chosen are ignored, not fatal.
        codes = [code for code in codes if code in known]
        if default not in codes:
            default = codes[0] if codes else settings.LANGUAGE_CODE
        return SiteLanguages(default=default, codes=(default, *[c for c in codes if c != default]))

    @classmethod
    def languages_for_user(cls, user) -> tuple[str, ...]:
        """The languages a user may translate network snippets into: their sites' languages.

        Coordinators (and superusers) work across the network, in every language.
        """
        from network.permissions import user_manages_network

        if user_manages_network(user):
            return install_languages().codes
        codes: list[str] = []
        tenants = cls.objects.filter(
            models.Q(editors__user=user) | models.Q(moderators__user=user)
        ).select_related("site")
        for tenant in tenants.distinct():
            codes += [code for code in tenant.site_languages.codes if code not in codes]
        return tuple(codes)

    @property
    def site_languages(self) -> SiteLanguages:
        return self.languages_for(self.site)

    @property
    def organisation(self):
        from network.models.organisations import Organisation

        return Organisation.objects.filter(site=self.site).order_by("pk").first()
