"""Admin forms of the page types."""

from __future__ import annotations

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
