"""Admin forms of the page types."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from sites.publishing import project_page_publication_errors


class ProjectPageForm(WagtailAdminPageForm):
    """Refuses to publish an EU-funded project page without its acknowledgement and aims."""

    def clean(self):
        cleaned_data = super().clean()
        # Drafts may be incomplete; the rule applies when the editor publishes.
        if "action-publish" not in self.data:
            return cleaned_data
        errors = project_page_publication_errors(
            project=cleaned_data.get("project"), body=cleaned_data.get("body")
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned_data


class ScheduleForm(WagtailAdminPageForm):
    """Checks each cancelled or moved date against the dates the schedule really has."""

    def is_valid(self) -> bool:
        # Runs after the page form and its formsets are cleaned: only then are both known.
        if not super().is_valid():
            return False
        formset = self.formsets.get("schedule_changes")
        if formset is None:
            return True
        page = self.instance
        changes = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not changes:
            return True
        if not page.has_schedule:
            changes[0].add_error(
                "original_date", _("Give the schedule's date and times before changing a date.")
            )
            return False
        schedule = page.get_schedule(changes=[])
        valid = True
        seen = set()
        for form in changes:
            original = form.cleaned_data["original_date"]
            day = datetime.combine(original, time.min)
            if original in seen:
                form.add_error("original_date", _("This date is already changed above."))
                valid = False
            elif not schedule.planned_starts(day, day + timedelta(days=1)):
                form.add_error(
                    "original_date",
                    _("The schedule has no occurrence on %(date)s.")
                    % {"date": date_format(original, "DATE_FORMAT")},
                )
                valid = False
            seen.add(original)
        return valid
