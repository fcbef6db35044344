from django.db import migrations, models

from search import fulltext


def restore_triggers(apps, schema_editor):
    fulltext.restore_sqlite_triggers(schema_editor)


class Migration(migrations.Migration):
    """The languages a page is available in and its default version, for searches in the
    visitor's language with fallback. Rows written before keep the defaults (shown in every
    language, as before) until ``rebuild_network_index`` rewrites them."""

    dependencies = [("network_search", "0003_rank_vector")]

    operations = [
        # Runs last when migrating backwards, after the columns are removed.
        migrations.RunPython(migrations.RunPython.noop, restore_triggers),
        migrations.AddField(
            model_name="indexedpage",
            name="is_default_version",
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name="indexedpage",
            name="translations",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]
