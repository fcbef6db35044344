"""Registration for events and programmes: places, the waitlist, cancellation and retention.

Every decision about places is taken with the rows of the page and its translations
locked (``SELECT … FOR UPDATE`` on PostgreSQL; translations share the places), so two
people can never both get the last place. E-mails go out only after the transaction
commits, in the language of the page signed up on.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial, reduce
from operator import or_

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from network.models import SiteBranding
from network.permissions import user_manages_network
from sites.models.occurrences import Occurrence
from sites.models.programmes import AdmissionMixin
from sites.models.registrations import MAX_PLACES, Registration, RegistrationStatus
from sites.models.schedules import ScheduleMixin
from sites.schedules import OccurrenceStatus, aware

logger = logging.getLogger(__name__)

# Identifies the wording of the consent checkbox (sites.registration_views); change it
# whenever that wording changes, so each record says what was agreed to.
CONSENT_VERSION = "2026-1"

_signer = signing.Signer(salt="mreza.registrations.cancel")


class RegistrationError(ValueError):
    """Input the service refuses; names the form field to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class RegistrationData:
    """What a person gives when signing up (already cleaned by the form)."""

    name: str
    email: str
    places: int = 1
    phone: str = ""
    consent: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping) -> RegistrationData:
        return cls(
            name=str(data.get("name") or "").strip(),
            email=BaseUserManager.normalize_email(str(data.get("email") or "").strip()),
            places=data.get("places") or 1,
            phone=str(data.get("phone") or "").strip(),
            consent=bool(data.get("consent")),
        )


@dataclass(frozen=True)
class Availability:
    """How many places a page has left, and whether it takes registrations now."""

    capacity: int | None
    taken: int
    waiting: int
    is_open: bool

    @property
    def places_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.taken, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.taken >= self.capacity


@dataclass(frozen=True)
class CancelResult:
    registration: Registration
    cancelled_now: bool
    promoted: list[Registration]


# -- which pages take registrations ------------------------------------------------------


def takes_registrations(page: Page) -> bool:
    """An event or programme whose editors asked for registration (live and public or not)."""
    return isinstance(page, AdmissionMixin) and page.registration_required


def last_end(page: Page, *, occurrence_end: datetime | None = None) -> datetime | None:
    """When the page's last occurrence ends; None while it repeats for ever or has no dates.

    The Occurrence table answers for live, public pages; the schedule itself for the rest.
    """
    if occurrence_end is None:
        occurrence_end = Occurrence.objects.filter(entry_id=page.pk).aggregate(last=Max("end"))[
            "last"
        ]
    return occurrence_end if occurrence_end is not None else schedule_end(page)


def schedule_end(page: Page) -> datetime | None:
    """The end of the last occurrence a finite schedule plans; None for endless ones."""
    schedule = page.get_schedule() if isinstance(page, ScheduleMixin) else None
    if schedule is None:
        return None
    rule = schedule.rule
    if rule is not None and rule.until is None and rule.count is None:
        return None
    latest = schedule.first_start
    local_rule = schedule.local_rule()
    if local_rule is not None:
        latest = max(latest, local_rule[-1]) if local_rule.count() else latest
    if schedule.extra_dates:
        latest = max(latest, datetime.combine(max(schedule.extra_dates), latest.time()))
    starts = schedule.planned_starts(schedule.first_start, latest + timedelta(days=1))
    ends = [schedule.occurrence_at(start).end for start in starts]
    return max(ends) if ends else aware(schedule.first_start + schedule.duration, schedule.zone)


def is_open(page: Page, *, now: datetime | None = None) -> bool:
    """Registration is open until the page's last occurrence ends, unless it was cancelled."""
    if not takes_registrations(page) or not page.live:
        return False
    if getattr(page, "status", None) == OccurrenceStatus.CANCELLED:
        return False
    end = last_end(page)
    return end is None or end > (now or timezone.now())


def registrations_for(page: Page) -> QuerySet[Registration]:
    """Registrations of the page and its translations: they share the places."""
    return Registration.objects.filter(page__translation_key=page.translation_key)


def availability(page: Page, *, now: datetime | None = None) -> Availability:
    registrations = registrations_for(page)
    return Availability(
        capacity=page.capacity,
        taken=registrations.confirmed_places(),
        waiting=registrations.waitlisted().count(),
        is_open=is_open(page, now=now),
    )


# -- signing up, cancelling, moving up ----------------------------------------------------


def _lock_page(page: Page) -> bool:
    """Serialise place decisions for a page and its translations until the transaction ends.

    Returns False if the page is gone. The rows are locked in primary key order, so two
    transactions never wait for each other crosswise.
    """
    if connection.vendor == "sqlite":
        # SQLite has no row locks and ignores FOR UPDATE. A write takes its database lock
        # now, waiting for other writers, instead of failing later when this transaction,
        # having read a stale snapshot, tries to write.
        table = connection.ops.quote_name(Page._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET id = id WHERE id = %s", [page.pk])  # noqa: S608
            return cursor.rowcount == 1
    translations = Page.objects.filter(translation_key=page.translation_key).order_by("pk")
    locked = translations.select_for_update().values_list("pk", flat=True)
    return page.pk in list(locked)


def _check(page: Page, data: RegistrationData) -> None:
    if not data.name:
        raise RegistrationError("name", _("Enter your name."))
    if not data.email:
        raise RegistrationError("email", _("Enter your e-mail address."))
    if not isinstance(data.places, int) or not 1 <= data.places <= MAX_PLACES:
        raise RegistrationError(
            "places", _("Choose from 1 to %(max)s places.") % {"max": MAX_PLACES}
        )
    if page.capacity is not None and data.places > page.capacity:
        raise RegistrationError(
            "places",
            _("This activity has %(capacity)s places in all; ask for at most that many.")
            % {"capacity": page.capacity},
        )
    if not data.consent:
        raise RegistrationError(
            "consent", _("We can only register you with your consent to using your details.")
        )


def register(page: Page, data: RegistrationData | Mapping, *, now: datetime | None = None):
    """Sign up for ``page``: a confirmed place if enough are left, else the waitlist.

    Raises ``RegistrationError`` (nothing written) for bad input, a closed page or an
    address already registered.
    """
    if not isinstance(data, RegistrationData):
        data = RegistrationData.from_mapping(data)
    try:
        with transaction.atomic():
            if not _lock_page(page):
                raise RegistrationError(
                    "__all__", _("This activity no longer takes registrations.")
                )
            # Stamped under the lock, so the queue's order is the order places were decided.
            now = now or timezone.now()
            # Read the page again under the lock: its editors may have changed the capacity.
            page = page.specific_class.objects.get(pk=page.pk)
            if not is_open(page, now=now):
                raise RegistrationError("__all__", _("Registration for this activity has closed."))
            _check(page, data)
            registrations = registrations_for(page)
            if registrations.active().filter(email__iexact=data.email).exists():
                raise RegistrationError("email", _already_registered())
            taken = registrations.confirmed_places()
            fits = page.capacity is None or taken + data.places <= page.capacity
            registration = Registration.objects.create(
                page=page,
                status=RegistrationStatus.CONFIRMED if fits else RegistrationStatus.WAITLISTED,
                name=data.name,
                email=data.email,
                phone=data.phone,
                places=data.places,
                language=page.locale.language_code,
                consent_given_at=now,
                consent_version=CONSENT_VERSION,
                cancel_key=secrets.token_urlsafe(32),
                created_at=now,
                confirmed_at=now if fits else None,
            )
            kind = "confirmed" if fits else "waitlisted"
            transaction.on_commit(partial(send_status_email, registration.pk, kind), robust=True)
    except IntegrityError:
        # The lock makes this unreachable on PostgreSQL; the constraint is the last guard.
        raise RegistrationError("email", _already_registered()) from None
    return registration


def _already_registered():
    return _(
        "This e-mail address is already registered for this activity. The confirmation "
        "e-mail has a link to cancel it."
    )


def _promote(page: Page, *, now: datetime) -> list[Registration]:
    """Give freed places to the earliest waitlisted registrations that fit (page locked)."""
    if not is_open(page, now=now):
        return []
    registrations = registrations_for(page)
    taken = registrations.confirmed_places()
    promoted = []
    for waiting in registrations.waitlisted():
        if page.capacity is not None and taken + waiting.places > page.capacity:
            continue
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.confirmed_at = now
        waiting.save(update_fields=["status", "confirmed_at", "updated_at"])
        taken += waiting.places
        promoted.append(waiting)
        transaction.on_commit(partial(send_status_email, waiting.pk, "promoted"), robust=True)
    return promoted


@transaction.atomic
def promote_waitlist(page: Page, *, now: datetime | None = None) -> list[Registration]:
    """Move the waitlist up after the page's capacity was raised."""
    if not _lock_page(page):
        return []
    page = page.specific_class.objects.get(pk=page.pk)
    return _promote(page, now=now or timezone.now())


def registration_for_token(token: str) -> Registration:
    """The registration a cancellation link is for; ``Registration.DoesNotExist`` if none."""
    try:
        key = _signer.unsign(token)
    except signing.BadSignature:
        raise Registration.DoesNotExist from None
    return Registration.objects.select_related("page").get(cancel_key=key)


def cancellation_token(registration: Registration) -> str:
    return _signer.sign(registration.cancel_key)


def cancel(token: str, *, now: datetime | None = None) -> CancelResult:
    """Cancel the registration of a cancellation link; repeating it changes nothing.

    Raises ``Registration.DoesNotExist`` for an unknown or forged token.
    """
    now = now or timezone.now()
    registration = registration_for_token(token)
    with transaction.atomic():
        _lock_page(registration.page)
        registration = Registration.objects.select_related("page").get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return CancelResult(registration, cancelled_now=False, promoted=[])
        held_places = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        page = registration.page.specific
        promoted = _promote(page, now=now) if held_places else []
    return CancelResult(registration, cancelled_now=True, promoted=promoted)


# -- e-mail ------------------------------------------------------------------------------


def absolute_url(page: Page, path: str) -> str:
    """``path`` on the page's own site (its hostname), for links in e-mails."""
    site = page.get_site()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def cancel_url(registration: Registration) -> str:
    path = reverse("registration:cancel", args=[cancellation_token(registration)])
    return absolute_url(registration.page, path)


def send_status_email(registration_pk: int, kind: str) -> None:
    """Tell the person where they stand: ``confirmed``, ``waitlisted`` or ``promoted``."""
    registration = Registration.objects.select_related("page").filter(pk=registration_pk).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return
    page = registration.page
    site = page.get_site()
    context = {
        "registration": registration,
        "kind": kind,
        "page": page,
        "page_url": page.get_full_url(),
        "site_name": site.site_name if site is not None else "",
        "cancel_url": cancel_url(registration),
        "retention_days": retention_days(),
    }
    with translation.override(registration.language):
        subject = render_to_string("centre_sites/registration/email_subject.txt", context)
        body = render_to_string("centre_sites/registration/email_body.txt", context)
    branding = SiteBranding.for_site(site) if site is not None else None
    reply_to = [branding.contact_email] if branding and branding.contact_email else None
    EmailMessage(" ".join(subject.split()), body, to=[registration.email], reply_to=reply_to).send()


# -- retention -----------------------------------------------------------------------------


def retention_days() -> int:
    return settings.MREZA["REGISTRATION_RETENTION_DAYS"]


def purge_expired(now: datetime | None = None) -> int:
    """Delete every registration of pages that ended more than the retention period ago.

    Pages without an end (endless repeats, no dates) keep theirs. Returns how many went.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    page_ids = set(Registration.objects.values_list("page_id", flat=True).distinct())
    if not page_ids:
        return 0
    occurrence_ends = dict(
        Occurrence.objects.filter(entry_id__in=page_ids)
        .values("entry_id")
        .annotate(last=Max("end"))
        .values_list("entry_id", "last")
    )
    expired = [
        page.pk
        for page in Page.objects.filter(pk__in=page_ids).specific()
        if (end := last_end(page, occurrence_end=occurrence_ends.get(page.pk))) is not None
        and end <= cutoff
    ]
    if not expired:
        return 0
    _, per_model = Registration.objects.filter(page_id__in=expired).delete()
    deleted = per_model.get(Registration._meta.label, 0)
    logger.info("Deleted %s registration(s) of %s ended page(s).", deleted, len(expired))
    return deleted


# -- who sees which registrations --------------------------------------------------------


def visible_registrations(user) -> QuerySet[Registration]:
    """Registrations of pages on the sites the user edits or moderates; all for coordinators."""
    queryset = Registration.objects.select_related("page")
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user_manages_network(user):
        return queryset
    paths = staff_root_paths(user)
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, (Q(page__path__startswith=path) for path in paths)))


def staff_root_paths(user) -> list[str]:
    """Tree paths of the home pages (every language) of the sites the user works on."""
    cached = getattr(user, "_mreza_registration_paths", None)
    if cached is None:
        groups = user.groups.values("pk")
        sites = Site.objects.filter(
            Q(tenant__editors__in=groups) | Q(tenant__moderators__in=groups)
        )
        roots = Page.objects.filter(pk__in=sites.values("root_page_id"))
        cached = list(
            Page.objects.filter(translation_key__in=roots.values("translation_key")).values_list(
                "path", flat=True
            )
        )
        user._mreza_registration_paths = cached
    return cached
