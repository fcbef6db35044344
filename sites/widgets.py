"""django-recurrence's widget made to work, and speak sl/cs, in Wagtail's admin.

django-recurrence 1.14's ``RecurrenceWidget`` finds its JavaScript catalogue through
``django.views.i18n.javascript_catalog``, removed in Django 2.0, so it loads none; and it
takes jQuery from Django admin's ``jquery.init.js``, which replaces ``window.django`` and with
it the ``gettext`` catalogue Wagtail's admin scripts read at run time. This widget loads a
working catalogue (``recurrence_js_catalog``, at the ``recurrence-jsi18n`` URL) and lends the
widget the jQuery Wagtail's admin already has. The sl and cs strings are in the project's
``locale/*/LC_MESSAGES/djangojs.po``; ``JavaScriptCatalog`` always merges ``LOCALE_PATHS`` in.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.i18n import JavaScriptCatalog
from recurrence.forms import RecurrenceWidget
from wagtail.admin.localization import get_localized_response

_recurrence_catalog = JavaScriptCatalog.as_view(packages=["recurrence"])


def recurrence_js_catalog(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """django-recurrence's djangojs catalogue plus the project's, in the admin user's language.

    Like Wagtail's own admin catalogue: a signed-in user's preferred admin language wins over
    the browser's, so the widget speaks the language the rest of the editor does.
    """
    return get_localized_response(_recurrence_catalog, request, *args, **kwargs)


class ScheduleRecurrenceWidget(RecurrenceWidget):
    """The recurrence widget for ``FieldPanel("recurrence", widget=...)`` on Wagtail pages.

    Scripts, in order: the catalogue (recurrence.js reads ``gettext``/``pgettext`` when it
    loads), ``django.jQuery`` lent from Wagtail's jQuery, then django-recurrence's own scripts,
    whose init script replaces each ``textarea.recurrence-widget`` with the widget's controls.
    Only for top-level fields: the init script does not see fields an InlinePanel adds later.
    """

    @property
    def media(self) -> forms.Media:
        return forms.Media(
            js=[
                reverse("recurrence-jsi18n"),
                "sites/js/recurrence-jquery.js",
                "recurrence/js/recurrence.js",
                "recurrence/js/recurrence-widget.js",
                "recurrence/js/recurrence-widget.init.js",
            ],
            css={"all": ["recurrence/css/recurrence.css"]},
        )
