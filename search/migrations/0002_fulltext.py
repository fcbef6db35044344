from django.db import migrations

from search import fulltext


def create(apps, schema_editor):
    fulltext.create(schema_editor)


def drop(apps, schema_editor):
    fulltext.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0001_indexed_pages")]

    operations = [migrations.RunPython(create, drop)]
