"""Centres provisioned before the headless frontend setting existed: their moderators may
change it on their own site, as provision_site grants to new centres."""

from django.db import migrations


def grant(apps, schema_editor):
    Tenant = apps.get_model("network", "Tenant")
    if not Tenant.objects.exists():
        return  # a fresh database: provisioning grants it
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    # Permissions are normally created after migrate (post_migrate): make this one now.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="headless", model="headlessfrontend"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_headlessfrontend",
        defaults={"name": "Can change headless frontend"},
    )
    for tenant in Tenant.objects.exclude(moderators=None):
        GroupSitePermission.objects.get_or_create(
            group_id=tenant.moderators_id, site_id=tenant.site_id, permission=permission
        )


class Migration(migrations.Migration):
    dependencies = [
        ("headless", "0001_frontend_settings_and_page_previews"),
        ("network", "0002_network_locales"),
        ("wagtailcore", "0095_groupsitepermission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
