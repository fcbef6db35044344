"""The project's URLs plus a minimal view, the baseline for page-rendering benchmarks."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def minimal_view(request):
    return HttpResponse("<!DOCTYPE html><title>baseline</title><p>baseline</p>")


urlpatterns = [path("bench-minimal/", minimal_view), *project_urlpatterns]
