"""The project's URLs plus minimal views: the baselines for page-rendering and API benchmarks."""

from django.http import HttpResponse, JsonResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def minimal_view(request):
    return HttpResponse("<!DOCTYPE html><title>baseline</title><p>baseline</p>")


def minimal_json_view(request):
    return JsonResponse({"baseline": True})


urlpatterns = [
    path("bench-minimal/", minimal_view),
    path("bench-minimal-json/", minimal_json_view),
    *project_urlpatterns,
]
