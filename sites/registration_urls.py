"""URLs of the public registration pages (mounted at /registration/, without a language prefix)."""

from django.urls import path

from sites import registration_views

app_name = "registration"

urlpatterns = [
    path("<int:page_id>/", registration_views.register_view, name="form"),
    path("<int:page_id>/done/<str:outcome>/", registration_views.done_view, name="done"),
    path("cancel/<str:token>/", registration_views.cancel_view, name="cancel"),
]
