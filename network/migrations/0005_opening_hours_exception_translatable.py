"""Opening-hours exceptions become translatable, so their notes are translated with their location.

Existing rows take their location's language. The copies a translated location already
holds share a translation key with the source's row of the same date, so the next sync
updates them in place instead of replacing them.
"""

import uuid
from collections import Counter

import django.db.models.deletion
from django.db import migrations, models


def set_locale_and_key(apps, schema_editor):
    OpeningHoursException = apps.get_model("network", "OpeningHoursException")
    rows = OpeningHoursException.objects.select_related("location").order_by(
        "location_id", "date", "sort_order", "pk"
    )
    seen: Counter = Counter()
    for row in rows:
        location = row.location
        seen[(location.pk, row.date)] += 1
        # The n-th exception on a date of a location, the same in each of its languages.
        name = f"{row.date.isoformat()}#{seen[(location.pk, row.date)]}"
        row.locale_id = location.locale_id
        row.translation_key = uuid.uuid5(location.translation_key, name)
        row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_tenant_languages_data"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="openinghoursexception",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="openinghoursexception",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(set_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="openinghoursexception",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="openinghoursexception",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="openinghoursexception",
            unique_together={("translation_key", "locale")},
        ),
    ]
