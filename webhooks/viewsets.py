"""The admin's Settings → Publish webhooks: subscriptions scoped to the sites a user moderates."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from network.viewsets import guard_object_urls
from webhooks import views
from webhooks.forms import SubscriptionForm
from webhooks.models import Subscription
from webhooks.permissions import manageable_subscriptions

EXTRA_VIEWS = {
    "log": ("log/<int:pk>/", views.DeliveryLogView),
    "retry": ("retry/<int:pk>/", views.RetryView),
    "test": ("test/<int:pk>/", views.SendTestView),
    "rotate": ("rotate-secret/<int:pk>/", views.RotateSecretView),
}


def _manageable(model, user):
    return manageable_subscriptions(user)


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    name = "webhook_subscriptions"
    url_prefix = "webhooks"
    icon = "link-external"
    menu_label = _("Publish webhooks")
    add_to_settings_menu = True
    menu_order = 900
    panels = [
        FieldPanel("site"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("events"),
        FieldPanel("network_events"),
        FieldPanel("is_active"),
    ]
    list_display = [
        "url",
        "site",
        BooleanColumn("is_active", label=_("active")),
        Column("queue", label=_("Queue"), accessor=views.queue_state),
    ]
    list_filter = ["is_active"]
    copy_view_enabled = False
    index_view_class = views.SubscriptionIndexView
    add_view_class = views.SubscriptionCreateView
    edit_view_class = views.SubscriptionEditView

    def get_permissions_to_register(self):
        # Access follows site moderation (webhooks.permissions), not model permissions: do not
        # offer group permissions in the admin that would change nothing.
        return Permission.objects.none()

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=SubscriptionForm).bind_to_model(self.model)

    @property
    def url_names(self) -> dict[str, str]:
        return {name: self.get_url_name(name) for name in EXTRA_VIEWS}

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(url_names=self.url_names, **kwargs)

    def get_urlpatterns(self):
        extra = [
            path(
                route,
                view_class.as_view(
                    url_names=self.url_names,
                    index_url_name=self.get_url_name("index"),
                    edit_url_name=self.get_url_name("edit"),
                ),
                name=name,
            )
            for name, (route, view_class) in EXTRA_VIEWS.items()
        ]
        # Another site's subscription answers 404 at every URL that names one.
        return guard_object_urls([*super().get_urlpatterns(), *extra], Subscription, _manageable)
