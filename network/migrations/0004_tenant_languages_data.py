"""Give existing sites their languages: the home page's language and those it is translated into."""

from django.db import migrations


def set_site_languages(apps, schema_editor):
    Tenant = apps.get_model("network", "Tenant")
    Page = apps.get_model("wagtailcore", "Page")
    for tenant in Tenant.objects.select_related("site__root_page__locale"):
        if tenant.languages:
            continue
        home = tenant.site.root_page
        default = home.locale.language_code
        translated = (
            Page.objects.filter(translation_key=home.translation_key)
            .exclude(pk=home.pk)
            .values_list("locale__language_code", flat=True)
        )
        tenant.default_language = default
        tenant.languages = [default, *sorted(set(translated) - {default})]
        tenant.save(update_fields=["default_language", "languages"])


class Migration(migrations.Migration):
    dependencies = [("network", "0003_tenant_languages")]

    operations = [migrations.RunPython(set_site_languages, migrations.RunPython.noop)]
