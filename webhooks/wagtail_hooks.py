"""Admin wiring of publish webhooks."""

from wagtail import hooks

from webhooks.viewsets import SubscriptionViewSet


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet()
