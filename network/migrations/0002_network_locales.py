"""Create the network's locales (sl, cs, en) from the first migrations on."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
