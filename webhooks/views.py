"""Admin views of publish webhooks: subscriptions, their secret, and their delivery log."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from webhooks.delivery import retry_failed
from webhooks.models import Delivery, DeliveryStatus, Subscription, new_secret
from webhooks.outbox import enqueue_queues, record_ping
from webhooks.permissions import manageable_subscriptions

LOG_PAGE_SIZE = 50


def queue_state(subscription: Subscription) -> str:
    """What the listing says about a queue, from the counts annotated on it."""
    if subscription.failed_count:
        return _("Stopped: a delivery failed permanently")
    if subscription.pending_count:
        return _("%(count)s waiting") % {"count": subscription.pending_count}
    return _("Up to date")


class UrlNamesMixin:
    """The extra URL names of the viewset (log, secret), passed in by it."""

    url_names: dict[str, str] = {}

    def extra_url(self, name: str, subscription: Subscription) -> str:
        return reverse(self.url_names[name], args=(subscription.pk,))


def _count_with_status(status: str) -> Coalesce:
    # A subquery on the (subscription, status) index, not a join over the whole log.
    matching = (
        Delivery.objects.filter(subscription=OuterRef("pk"), status=status)
        .order_by()
        .values("subscription")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(matching), 0)


class SubscriptionIndexView(UrlNamesMixin, IndexView):
    def get_base_queryset(self):
        return (
            manageable_subscriptions(self.request.user)
            .select_related("site")
            .annotate(
                pending_count=_count_with_status(DeliveryStatus.PENDING),
                failed_count=_count_with_status(DeliveryStatus.FAILED),
            )
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(_("Delivery log"), url=self.extra_url("log", instance), icon_name="list-ul")
        )
        return buttons


class SecretShownOnceMixin:
    secret_template_name = "webhooks/secret.html"

    def secret_response(self, subscription: Subscription, *, rotated: bool) -> TemplateResponse:
        # Rendered in the response to the POST, never stored in a message or a URL.
        return TemplateResponse(
            self.request,
            self.secret_template_name,
            {
                "subscription": subscription,
                "rotated": rotated,
                "log_url": self.extra_url("log", subscription),
                "header_title": _("Signing secret"),
                "page_title": _("Signing secret"),
                "header_icon": "key",
            },
        )


class SubscriptionCreateView(UrlNamesMixin, SecretShownOnceMixin, CreateView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if self.expects_json_response or response.status_code != 302:
            return response
        return self.secret_response(self.object, rotated=False)


class SubscriptionEditView(UrlNamesMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(_("Delivery log"), url=self.extra_url("log", self.object), icon_name="list-ul"),
            Button(_("Rotate secret"), url=self.extra_url("rotate", self.object), icon_name="key"),
        ]


class SubscriptionObjectMixin(UrlNamesMixin):
    """Looks the subscription up among those the user manages: others answer 404."""

    index_url_name = ""
    edit_url_name = ""

    @cached_property
    def subscription(self) -> Subscription:
        return get_object_or_404(
            manageable_subscriptions(self.request.user).select_related("site"),
            pk=self.kwargs["pk"],
        )

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Subscription._meta.verbose_name_plural},
            {
                "url": reverse(self.edit_url_name, args=(self.subscription.pk,)),
                "label": str(self.subscription),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class DeliveryLogView(SubscriptionObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """Read-only: each event sent to the subscription, newest first, with its outcome."""

    template_name = "webhooks/delivery_log.html"
    page_title = _("Delivery log")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deliveries = (
            Delivery.objects.filter(subscription=self.subscription)
            .select_related("event")
            .order_by("-event_id")
        )
        page = Paginator(deliveries, LOG_PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            subscription=self.subscription,
            deliveries=page,
            blocked=deliveries.filter(status=DeliveryStatus.FAILED).exists(),
            retry_url=self.extra_url("retry", self.subscription),
            test_url=self.extra_url("test", self.subscription),
        )
        return context


class RetryView(SubscriptionObjectMixin, View):
    """Failed deliveries start over, and the whole queue is tried at once."""

    http_method_names = ["post"]

    def post(self, request, pk):
        restarted = retry_failed(self.subscription)
        enqueue_queues([self.subscription.pk])
        messages.success(request, _("Retrying now (%(count)s restarted).") % {"count": restarted})
        return redirect(self.extra_url("log", self.subscription))


class SendTestView(SubscriptionObjectMixin, View):
    """Queues a ``ping`` event for this subscription only, after whatever is waiting."""

    http_method_names = ["post"]

    def post(self, request, pk):
        record_ping(self.subscription)
        messages.success(request, _("Test event queued."))
        return redirect(self.extra_url("log", self.subscription))


class RotateSecretView(
    SubscriptionObjectMixin, SecretShownOnceMixin, WagtailAdminTemplateMixin, TemplateView
):
    """GET asks for confirmation; POST replaces the secret and shows the new one once."""

    template_name = "webhooks/confirm_rotate.html"
    page_title = _("Rotate secret")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscription"] = self.subscription
        return context

    def post(self, request, pk):
        subscription = self.subscription
        subscription.secret = new_secret()
        subscription.save(update_fields=["secret", "updated_at"])
        return self.secret_response(subscription, rotated=True)
