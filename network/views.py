"""Admin views of the network app."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.auth import require_admin_access

from network.models import Organisation
from network.provisioning import HOME_PAGE_MODELS, ProvisioningError, provision_site


class ProvisionSiteForm(forms.Form):
    name = forms.CharField(label=_("Site name"), max_length=255)
    hostname = forms.CharField(
        label=_("Hostname"), max_length=253, help_text=_("e.g. socio.localhost")
    )
    port = forms.IntegerField(label=_("Port"), initial=80, min_value=1, max_value=65535)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(site__isnull=True).order_by("name"),
        help_text=_("The organisation that runs the site."),
    )
    locale = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[(key, key) for key in HOME_PAGE_MODELS], initial="centre"
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(tz, tz) for tz in settings.MREZA["SITE_TIME_ZONES"]]
    )


@method_decorator(require_admin_access, name="dispatch")
class ProvisionSiteView(FormView):
    """Superusers provision a centre site in one step, through the same service as the command."""

    form_class = ProvisionSiteForm
    template_name = "network/provision_site.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            result = provision_site(**form.cleaned_data)
        except ProvisioningError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Provisioned %(site)s on %(hostname)s.")
            % {"site": result.tenant.site.site_name, "hostname": result.tenant.site.hostname},
        )
        return redirect("wagtailsites:index")
