"""URL configuration: admin, documents, API, feeds, registration, language-prefixed pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls

from headless.api import configure_api
from network.viewsets import tenant_admin_urlpatterns
from sites.views import robots_txt, sitemap
from sites.widgets import recurrence_js_catalog

# Routers must be on the API before its urls are built below.
configure_api(api_v3)

urlpatterns = [
    # Tenant-guarded replacements for a few admin endpoints; they must come before the admin.
    path("admin/", include(tenant_admin_urlpatterns())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api_v3.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # django-recurrence's JavaScript catalogue, loaded by sites.widgets.ScheduleRecurrenceWidget.
    path("jsi18n/recurrence/", recurrence_js_catalog, name="recurrence-jsi18n"),
    # Registration by page id: the views speak the page's own language (as pages do), so
    # these URLs take no language prefix.
    path("registration/", include("sites.registration_urls")),
    # iCal feeds: /calendar.ics and <page url>calendar.ics, language-prefixed like the pages
    # (/en/…/calendar.ics) and matched before Wagtail's catch-all below.
    *i18n_patterns(path("", include("sites.feeds")), prefix_default_language=False),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
