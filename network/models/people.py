"""Contact people of the network's organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from network.models.localize import copied, translated
from network.models.organisations import PhoneAndEmailMixin


class ContactPersonQuerySet(models.QuerySet):
    def publishable(self) -> "ContactPersonQuerySet":
        """Only people who agreed to have their details published."""
        return self.filter(consent_to_publish=True)


class ContactPerson(TranslatableMixin, PhoneAndEmailMixin, index.Indexed, models.Model):
    """A person the public can contact, shown only with their consent."""

    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contact_people",
    )
    location = models.ForeignKey(
        "network.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_to_publish = models.BooleanField(
        _("consent to publish"),
        default=False,
        help_text=_("The person agreed that their name, role, phone and e-mail appear publicly."),
    )

    objects = ContactPersonQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("location")]),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("photo")], heading=_("Contact")
        ),
        FieldPanel("consent_to_publish"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
        index.FilterField("organisation"),
        index.FilterField("consent_to_publish"),
    ]
    translatable_fields = [
        *translated("name", "role", "organisation", "location"),
        *copied("phone", "email", "photo", "consent_to_publish"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name
