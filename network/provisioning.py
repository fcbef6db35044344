"""Provisioning: one call creates a centre's site, home page, groups, collection and settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.text import slugify
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

from network.models import Organisation, SiteBranding, Tenant

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)
HOME_PAGE_MODELS = {"centre": "centre_sites.CentreHomePage", "hub": "centre_sites.HubHomePage"}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "delete_page",
    "lock_page",
    "unlock_page",
]
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MODERATOR_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
# Organisation-owned snippets an editor maintains for their own organisation.
OWNED_SNIPPET_PERMISSIONS = [
    f"network.{action}_{model}"
    for model in ("location", "contactperson", "project", "indicatorvalue")
    for action in ("add", "change", "delete", "view")
] + ["network.change_organisation", "network.view_organisation"]
# Network-wide snippets every editor may see and choose but only coordinators change.
SHARED_SNIPPET_VIEW_PERMISSIONS = [
    f"network.view_{model}"
    for model in ("funder", "fundingprogramme", "region", "municipality", "targetgroup", "theme")
]
COORDINATOR_MODELS = [
    "organisation",
    "location",
    "contactperson",
    "project",
    "indicatorvalue",
    "funder",
    "fundingprogramme",
    "region",
    "municipality",
    "targetgroup",
    "theme",
]


class ProvisioningError(ValueError):
    """A request to provision a site that cannot be carried out; names the offending field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ProvisionedSite:
    tenant: Tenant
    created: bool


def _permissions(labels: list[str]) -> list[Permission]:
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def ensure_coordinators_group() -> Group:
    """The network coordinators: every page, every collection, every snippet and setting."""
    group, _created = Group.objects.get_or_create(name=settings.MREZA["COORDINATORS_GROUP"])
    labels = ["wagtailadmin.access_admin", "network.manage_network", "network.change_sitebranding"]
    labels += ["headless.change_headlessfrontend", "wagtail_localize.submit_translation"]
    labels += [
        f"network.{action}_{model}"
        for model in COORDINATOR_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    labels += ["network.publish_project"]
    group.permissions.add(*_permissions(labels))
    root_page = Page.get_first_root_node()
    for permission in _page_permissions(MODERATOR_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission
        )
    root_collection = Collection.get_first_root_node()
    for permission in _permissions(MODERATOR_COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
    return group


def _page_permissions(codenames: list[str]) -> list[Permission]:
    return _permissions([f"wagtailcore.{codename}" for codename in codenames])


def _grant_tenant_permissions(tenant: Tenant) -> None:
    """Give the tenant's groups rights on their own root page, collection and site settings.

    A translated home page is the root of its own tree (a sibling of the home page), so the
    groups get the same rights on each translation of it.
    """
    homes = list(tenant.site.root_page.get_translations(inclusive=True))
    common = [
        "wagtailadmin.access_admin",
        # Translating into the site's languages (network.wagtail_hooks narrows the choice).
        "wagtail_localize.submit_translation",
        *OWNED_SNIPPET_PERMISSIONS,
        *SHARED_SNIPPET_VIEW_PERMISSIONS,
    ]
    tenant.editors.permissions.add(*_permissions(common))
    tenant.moderators.permissions.add(*_permissions([*common, "network.publish_project"]))
    for group, page_codenames, collection_labels in (
        (tenant.editors, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS),
        (tenant.moderators, MODERATOR_PAGE_PERMISSIONS, MODERATOR_COLLECTION_PERMISSIONS),
    ):
        for permission in _page_permissions(page_codenames):
            for home in homes:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        for permission in _permissions(collection_labels):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=tenant.collection, permission=permission
            )
        GroupSitePermission.objects.get_or_create(
            group=group,
            site=tenant.site,
            permission=_permissions(["network.change_sitebranding"])[0],
        )
    # Where previews (draft content) are sent is the site admins' call: moderators, not editors.
    GroupSitePermission.objects.get_or_create(
        group=tenant.moderators,
        site=tenant.site,
        permission=_permissions(["headless.change_headlessfrontend"])[0],
    )


def grant_translation_permissions(tenant: Tenant) -> None:
    """Bring the tenant's groups' rights up to date after its home page has been translated."""
    _grant_tenant_permissions(tenant)


TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]
TRANSLATOR_COLLECTION_PERMISSIONS = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]


@transaction.atomic
def ensure_translator_group(tenant: Tenant, language: str) -> Group:
    """A group that translates one site into one language: it edits that language's tree only.

    Wagtail has no per-locale permissions; each translation of the home page is the root of
    its own page tree, so rights on that root are rights in that language. Translators do not
    get wagtail_localize.submit_translation: editors decide what is translated.
    """
    languages = tenant.site_languages
    if language not in languages:
        raise ProvisioningError(
            "language",
            _("%(site)s does not publish in “%(language)s” (its languages: %(languages)s).")
            % {"site": tenant, "language": language, "languages": ", ".join(languages.codes)},
        )
    home = (
        tenant.site.root_page.get_translations(inclusive=True)
        .filter(locale__language_code=language)
        .first()
    )
    if home is None:
        raise ProvisioningError(
            "language",
            _("The home page of %(site)s is not translated into “%(language)s” yet.")
            % {"site": tenant, "language": language},
        )
    group, _created = Group.objects.get_or_create(name=f"{tenant} Translators ({language})")
    group.permissions.add(*_permissions(["wagtailadmin.access_admin"]))
    for permission in _page_permissions(TRANSLATOR_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    for permission in _permissions(TRANSLATOR_COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=tenant.collection, permission=permission
        )
    return group


def _validate_languages(locale: str, languages: list[str] | None) -> list[str]:
    """The site's languages, its default (the home page's) first; each must be a Locale."""
    codes = [locale, *[code for code in (languages or []) if code != locale]]
    known = set(
        Locale.objects.filter(language_code__in=codes).values_list("language_code", flat=True)
    )
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ProvisioningError(
            "languages",
            _("Unknown languages: %(codes)s.") % {"codes": ", ".join(unknown)},
        )
    return codes


def language_label(code: str) -> str:
    """A language's name in the admin's language (“English”, “angleščina”), else its code."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def live_pages_by_language(tenant: Tenant, languages: list[str]) -> dict[str, int]:
    """How many live pages the site has in each of ``languages`` (all its trees, one query)."""
    homes = tenant.site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
    in_site = reduce(or_, (Q(path__startswith=path) for path in homes))
    rows = (
        Page.objects.live()
        .filter(in_site, locale__language_code__in=languages)
        .order_by()  # Wagtail orders pages by path, which would split the groups
        .values_list("locale__language_code")
        .annotate(count=Count("pk"))
    )
    return dict(rows)


def validate_site_languages(
    tenant: Tenant, *, languages: list[str], default_language: str
) -> list[str]:
    """The site's new languages, default first; refuses what would orphan live pages.

    Dropping a language the site still has live pages in would leave them published but
    unlinked (no switcher, no sitemap): as Wagtail refuses to delete a Locale that pages
    use, the pages have to go first.
    """
    if default_language not in languages:
        raise ProvisioningError(
            "default_language", _("The default language must be one of the site's languages.")
        )
    codes = _validate_languages(default_language, languages)
    current = tenant.site_languages
    if default_language != current.default:
        home_is_live = (
            tenant.site.root_page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=default_language)
            .exists()
        )
        if not home_is_live:
            raise ProvisioningError(
                "default_language",
                _(
                    "The site has no live home page in “%(language)s”: translate and publish "
                    "the home page first."
                )
                % {"language": language_label(default_language)},
            )
    dropped = [code for code in current.codes if code not in codes]
    in_use = live_pages_by_language(tenant, dropped) if dropped else {}
    if in_use:
        raise ProvisioningError(
            "languages",
            " ".join(
                ngettext(
                    "“%(language)s” cannot be removed: the site has %(count)d live page in it. "
                    "Unpublish it first.",
                    "“%(language)s” cannot be removed: the site has %(count)d live pages in it. "
                    "Unpublish them first.",
                    count,
                )
                % {"language": language_label(code), "count": count}
                for code, count in sorted(in_use.items())
            ),
        )
    return codes


@transaction.atomic
def set_site_languages(tenant: Tenant, *, languages: list[str], default_language: str) -> Tenant:
    """Change the languages a site publishes in and its default (validated as above)."""
    codes = validate_site_languages(tenant, languages=languages, default_language=default_language)
    tenant.languages = codes
    tenant.default_language = default_language
    tenant.save(update_fields=["languages", "default_language"])
    return tenant


def _grant_hub_submission(tenant: Tenant) -> None:
    """A centre submits good practices and network news to the hub (network.review)."""
    from network.review import grant_submission, hub_sections

    sections = hub_sections()
    if sections and tenant.site_id not in {section.get_site().pk for section in sections}:
        grant_submission(tenant, sections)


def _resolve_organisation(organisation: Organisation | str) -> Organisation:
    if isinstance(organisation, Organisation):
        return organisation
    match = Organisation.objects.filter(slug=organisation).order_by("pk").first()
    if match is None:
        raise ProvisioningError(
            "organisation", _("Unknown organisation “%(slug)s”.") % {"slug": organisation}
        )
    return match


def _validate_hostname(hostname: str, port: int) -> str:
    hostname = (hostname or "").strip().lower()
    if not HOSTNAME_RE.match(hostname):
        raise ProvisioningError(
            "hostname",
            _("“%(hostname)s” is not a valid hostname (letters, digits, hyphens and dots).")
            % {"hostname": hostname},
        )
    if not 1 <= port <= 65535:
        raise ProvisioningError("port", _("The port must be between 1 and 65535."))
    return hostname


def _save_branding(site: Site, branding: dict) -> None:
    known = {field.name for field in SiteBranding._meta.get_fields()} - {"id", "site"}
    unknown = sorted(set(branding) - known)
    if unknown:
        raise ProvisioningError(
            "branding", _("Unknown branding fields: %(fields)s.") % {"fields": ", ".join(unknown)}
        )
    settings_row = SiteBranding(site=site, **branding)
    try:
        settings_row.full_clean(exclude=["site"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ProvisioningError(field, f"{field}: {' '.join(messages)}") from error
    settings_row.save()


@transaction.atomic
def provision_site(
    *,
    name: str,
    hostname: str,
    organisation: Organisation | str,
    locale: str = "sl",
    port: int = 80,
    kind: str = "centre",
    is_default_site: bool = False,
    time_zone: str = "Europe/Ljubljana",
    branding: dict | None = None,
    languages: list[str] | None = None,
) -> ProvisionedSite:
    """Create (or complete, when re-run) a tenant; nothing is written if any input is wrong.

    ``locale`` is the home page's language and the site's default; ``languages`` the others
    it publishes in (given on a re-run, they replace the site's list, as
    ``set_site_languages`` does). Without ``languages`` a new site publishes in every
    language of the network until one is chosen.
    """
    name = (name or "").strip()
    if not name:
        raise ProvisioningError("name", _("The site needs a name."))
    hostname = _validate_hostname(hostname, port)
    organisation = _resolve_organisation(organisation)
    if kind not in HOME_PAGE_MODELS:
        raise ProvisioningError("kind", _("Unknown kind of site “%(kind)s”.") % {"kind": kind})
    if time_zone not in settings.MREZA["SITE_TIME_ZONES"]:
        raise ProvisioningError("time_zone", _("Unknown time zone “%(tz)s”.") % {"tz": time_zone})
    try:
        page_locale = Locale.objects.get(language_code=locale)
    except Locale.DoesNotExist:
        raise ProvisioningError(
            "locale", _("Unknown locale “%(locale)s”.") % {"locale": locale}
        ) from None
    site_languages = _validate_languages(locale, languages)

    existing = Site.objects.filter(hostname=hostname, port=port).first()
    if existing is not None:
        tenant = Tenant.objects.filter(site=existing).first()
        if tenant is None or not organisation.site_id == existing.pk:
            raise ProvisioningError(
                "hostname",
                _("The hostname %(hostname)s is already taken by the site “%(site)s”.")
                % {"hostname": hostname, "site": existing.site_name or existing.hostname},
            )
        if languages is not None and tenant.languages != site_languages:
            default = tenant.site_languages.default
            try:
                set_site_languages(
                    tenant,
                    languages=site_languages,
                    default_language=default if default in site_languages else locale,
                )
            except ProvisioningError as error:
                # ``locale`` is provision_site's name for the default language.
                field = "locale" if error.field == "default_language" else error.field
                raise ProvisioningError(field, error.message) from error
        ensure_coordinators_group()
        _grant_tenant_permissions(tenant)
        _grant_hub_submission(tenant)
        return ProvisionedSite(tenant=tenant, created=False)

    if organisation.site_id is not None:
        raise ProvisioningError(
            "organisation",
            _("%(organisation)s already runs the site %(hostname)s.")
            % {"organisation": organisation.name, "hostname": organisation.site.hostname},
        )
    group_names = [f"{name} Editors", f"{name} Moderators"]
    if Group.objects.filter(name__in=group_names).exists():
        raise ProvisioningError(
            "name", _("Groups for a site named “%(name)s” already exist.") % {"name": name}
        )

    home_model = apps.get_model(HOME_PAGE_MODELS[kind])
    home = home_model(title=name, slug=slugify(hostname.replace(".", "-")), locale=page_locale)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=name,
        root_page=home,
        is_default_site=is_default_site,
    )
    collection = Collection.get_first_root_node().add_child(name=name)
    tenant = Tenant.objects.create(
        site=site,
        editors=Group.objects.create(name=group_names[0]),
        moderators=Group.objects.create(name=group_names[1]),
        collection=collection,
        time_zone=time_zone,
        default_language=locale,
        languages=site_languages if languages is not None else [],
    )
    Organisation.objects.filter(translation_key=organisation.translation_key).update(site=site)
    organisation.site = site
    _save_branding(site, branding or {})
    ensure_coordinators_group()
    _grant_tenant_permissions(tenant)
    _grant_hub_submission(tenant)
    return ProvisionedSite(tenant=tenant, created=True)
