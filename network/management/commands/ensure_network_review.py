"""``manage.py ensure_network_review``: the coordinators' review of centres' submissions."""

from django.core.management.base import BaseCommand

from network.review import WORKFLOW_NAME, ensure_network_review, hub_sections


class Command(BaseCommand):
    help = (
        "Run the network review workflow on the hub's good-practice and news sections and let "
        "every centre submit there (idempotent; provisioning does it for new centres)."
    )

    def handle(self, *args, **options):
        workflow = ensure_network_review()
        sections = hub_sections()
        if not sections:
            self.stderr.write("The hub has no good-practice or news section yet: add them first.")
            return
        self.stdout.write(
            f"“{workflow.name or WORKFLOW_NAME}” runs on {len(sections)} hub section(s): "
            + ", ".join(section.url_path for section in sections)
        )
