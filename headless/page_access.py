"""Which pages an API request may read, in which sites: the rule every page endpoint follows.

Wagtail's API v3 gives an anonymous request the live, public pages of one site, and a token
every page its user may change or publish - on every site, whatever ``site=`` says, and
none of the public pages of other sites. Here both follow the request's site scope (the
host's site, ``site=`` another one, ``site=all`` the network):

- everyone reads the scope's live pages outside view restrictions;
- a token also passes the group restrictions naming one of its user's groups;
- a token also reads the scope's pages its user may change or publish, drafts included.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import cast

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.query import PageQuerySet

from blocks.context import site_memo, view_restrictions
from blocks.prepared import PreparedQuery
from headless.params import NETWORK, SiteScope, site_scope


def requested_scope(
    request: HttpRequest, value: str | None, *, allow_network: bool = True
) -> SiteScope | None:
    """``site=`` resolved (400 naming it when unknown); None when no site answers the host."""
    scope = site_scope(request, value, allow_network=allow_network)
    if scope.network_wide and (value or "").strip().lower() != NETWORK:
        return None
    return scope


def root_paths(sites: QuerySet[Site]) -> list[str]:
    """Tree paths of the sites' root pages and of their translations (other language trees)."""
    keys = sites.values("root_page__translation_key")
    return list(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))


def scope_root_paths(request: HttpRequest, scope: SiteScope) -> list[str]:
    """Tree paths of the scope's roots; an anonymous request's are kept per content version.

    Anonymous requests read live pages only, and a page (a root translation included)
    becomes live by a publish, which starts a new content version. A token also reads
    drafts, such as a root translation just created, so its requests look them up afresh.
    """
    sites = Site.objects.all() if scope.network_wide else Site.objects.filter(pk=scope.site.pk)
    if request.user.is_authenticated:
        return root_paths(sites)
    key = ("root_paths", None if scope.network_wide else scope.site.pk)
    return site_memo(request, key, lambda: root_paths(sites))


def under(paths: list[str]) -> Q:
    """Pages at or below any of ``paths``; nothing when there are none."""
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def hidden_paths(request: HttpRequest) -> list[str]:
    """Paths of the restricted subtrees this request does not pass.

    A token identifies a frontend, not the visitor using it, so it passes only restrictions
    naming one of its user's groups; login and password restrictions, which a visitor
    passes in a browser session, are never passed through the API.
    """
    restrictions = view_restrictions(request)
    user = request.user
    if not restrictions or not user.is_authenticated:
        return [path for _pk, _kind, path in restrictions]
    groups = PageViewRestriction.GROUPS
    if user.is_superuser:
        passed = {pk for pk, kind, _path in restrictions if kind == groups}
    else:
        passed = set(
            PageViewRestriction.objects.filter(
                restriction_type=groups, groups__user=user
            ).values_list("pk", flat=True)
        )
    return [path for pk, _kind, path in restrictions if pk not in passed]


def editable_pages(request: HttpRequest) -> PageQuerySet:
    """Pages the token's user may change or publish (Wagtail's authenticated read tier)."""
    policy = cast(PagePermissionPolicy, policy_registry.get_by_type(Page))
    return policy.instances_user_has_any_permission_for(request.user, {"change", "publish"})


def readable_pages(
    request: HttpRequest, scope: SiteScope | None, model: type[Page] = Page
) -> PageQuerySet:
    """The pages of ``scope`` (of ``model``) this request may read, in id order."""
    queryset = model._default_manager.all()
    if scope is None:
        return queryset.none()
    queryset = queryset.filter(under(scope_root_paths(request, scope)))
    visible = public(hidden_paths(request))
    if request.user.is_authenticated:
        visible |= Q(pk__in=editable_pages(request).values("pk"))
    return queryset.filter(visible).select_related("content_type", "locale").order_by("pk")


def public(hidden: list[str]) -> Q:
    """Live pages outside the ``hidden`` subtrees: what everyone reads."""
    return Q(live=True) & ~under(hidden) if hidden else Q(live=True)


# The detail's readability check, for anonymous requests (the common, uncached case):
# compiling this OR of path prefixes cost more than running it.
_PUBLIC_PAGE = PreparedQuery(
    lambda page_id, roots, hidden: (
        Page.objects.filter(under(roots)).filter(public(hidden), pk=page_id).only("content_type")
    )
)


def readable_content_type(
    request: HttpRequest, scope: SiteScope | None, page_id: int
) -> int | None:
    """The content type id of page ``page_id`` if this request may read it, else None."""
    if scope is None:
        return None
    if request.user.is_authenticated:
        readable = readable_pages(request, scope).filter(pk=page_id)
        return readable.values_list("content_type_id", flat=True).first()
    roots = scope_root_paths(request, scope)
    if not roots:
        return None
    found = _PUBLIC_PAGE(page_id, roots, hidden_paths(request))
    return found[0].content_type_id if found else None


def can_read_draft(request: HttpRequest, page: Page) -> bool:
    """Only a token whose user may change or publish the page reads its latest draft."""
    if not request.user.is_authenticated:
        return False
    permissions = page.permissions_for_user(request.user)
    return permissions.can_edit() or permissions.can_publish()
