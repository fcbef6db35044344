from django.db import migrations

from search import fulltext


def create(apps, schema_editor):
    fulltext.create_rank_vector(schema_editor)


def drop(apps, schema_editor):
    fulltext.drop_rank_vector(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0002_fulltext")]

    operations = [migrations.RunPython(create, drop)]
