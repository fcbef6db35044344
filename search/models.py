"""The database engine's store: one row per indexed page, its facet values, a full-text index.

The full-text index itself is engine-specific SQL kept next to the table by the migrations:
an FTS5 table on SQLite (external content, kept in step by triggers) and a generated
``tsvector`` column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedPage(models.Model):
    """A page as the network search stores it: a ``SearchDocument`` in a row."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    site_name = models.CharField(max_length=255)
    locale = models.CharField(max_length=12)
    content_type = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=1000)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    region = models.CharField(max_length=120, blank=True)
    starts_at = models.DateTimeField(null=True)
    ends_at = models.DateTimeField(null=True)
    image_id = models.IntegerField(null=True)
    published_at = models.DateTimeField(null=True)
    is_public = models.BooleanField(default=True)
    # The page's languages as "|sl|en|" (a search in a language tests it with LIKE), and
    # whether this row is the page's default version, shown where a language is missing.
    # The defaults show a row written before these columns in every language.
    translations = models.CharField(max_length=200, blank=True, default="")
    is_default_version = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("indexed page")
        indexes = [models.Index(fields=["site", "locale"], name="indexedpage_site_locale")]

    def __str__(self) -> str:
        return self.title


class FacetValue(models.Model):
    """One value of one facet of an indexed page; facet counts are a GROUP BY over these."""

    page = models.ForeignKey(IndexedPage, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        verbose_name = _("facet value")
        indexes = [
            # Filtering: the pages with a value; counting: the values of matched pages.
            models.Index(fields=["facet", "value", "page"], name="facetvalue_lookup"),
            models.Index(fields=["page", "facet", "value"], name="facetvalue_page"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class RebuildPart(models.Model):
    """A (site, locale) part a full rebuild has written into its target: a failed rebuild
    resumes after the parts recorded here."""

    engine = models.CharField(max_length=40)
    target = models.CharField(max_length=120)
    site_id = models.IntegerField()
    locale = models.CharField(max_length=12)
    documents = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rebuild part")
        constraints = [
            models.UniqueConstraint(
                fields=["engine", "target", "site_id", "locale"], name="rebuildpart_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.engine}/{self.target}: site {self.site_id} {self.locale}"
