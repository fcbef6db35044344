"""The network review: centres submit good practices and network news to the hub, where the
network coordinators comment, request changes, or approve and publish them.

The hub's good-practice and news sections run a Wagtail workflow whose one task is the
coordinators' approval. Every centre's editors and moderators may *add* pages there (Wagtail
lets them edit the pages they created, never a colleague's from another centre) but not
publish: submitting to the workflow is how their page goes live. ``ensure_network_review``
sets this up and is idempotent; provisioning calls it for every new centre.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from network.models import Tenant

WORKFLOW_NAME = "Network review"
TASK_NAME = "Coordinators' approval"
# The hub sections centres submit to.
REVIEWED_SECTIONS = ("goodpracticeindexpage", "newsindexpage")
SUBMITTER_PAGE_PERMISSIONS = ["add_page"]


def hub_sections() -> list[Page]:
    """The good-practice and news sections of the hub, in every language."""
    from sites.models import HubHomePage

    hubs = HubHomePage.objects.all()
    sections = Page.objects.none()
    for hub in hubs:
        sections |= Page.objects.child_of(hub)
    return list(sections.filter(content_type__model__in=REVIEWED_SECTIONS))


def submitting_tenants() -> list[Tenant]:
    """Every centre but the hub itself, whose groups already publish there."""
    hub_sites = {page.get_site().pk for page in hub_sections()}
    return list(
        Tenant.objects.exclude(site_id__in=hub_sites).select_related("editors", "moderators")
    )


@transaction.atomic
def ensure_network_review() -> Workflow:
    """The review workflow on the hub's sections, and every centre's right to submit there."""
    from network.provisioning import ensure_coordinators_group

    coordinators = ensure_coordinators_group()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([coordinators])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    sections = hub_sections()
    for section in sections:
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    for tenant in submitting_tenants():
        grant_submission(tenant, sections)
    return workflow


def grant_submission(tenant: Tenant, sections: list[Page] | None = None) -> None:
    """Let a centre's editors and moderators add pages to the hub's reviewed sections."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=SUBMITTER_PAGE_PERMISSIONS
    )
    for section in hub_sections() if sections is None else sections:
        for group in (tenant.editors, tenant.moderators):
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=section, permission=permission
                )
