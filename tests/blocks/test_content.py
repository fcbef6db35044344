"""General content blocks: structured API data with references resolved, accessible HTML."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from blocks.content import CallToActionBlock
from blocks.streams import BodyBlock
from tests.blocks.helpers import api, make_page, render
from tests.factories import DocumentFactory, ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

# Blocks showing snippets chosen per page have no preview value, so no picker preview.
PREVIEWABLE = [name for name, block in BodyBlock().child_blocks.items() if block.is_previewable]

VIDEO = "https://www.youtube.com/watch?v=mreza"


@pytest.fixture
def stored_embed(db):
    """The oEmbed answer stored, so no test asks YouTube."""
    return Embed.objects.create(
        url=VIDEO,
        hash=get_embed_hash(VIDEO),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/mreza"></iframe>',
        title="Predstavitev centra",
        provider_name="YouTube",
        thumbnail_url="https://i.ytimg.com/vi/mreza/hqdefault.jpg",
        width=480,
        height=270,
    )


def test_heading_and_quote(centre):
    page = make_page(
        centre.site.root_page,
        [
            {"type": "heading", "value": {"text": "O nas", "level": "h3"}},
            {"type": "quote", "value": {"text": "Spet imam družbo.", "attribution": "Marija"}},
        ],
    )
    heading, quote = api(page)
    assert heading["value"] == {"text": "O nas", "level": 3}
    assert quote["value"] == {"text": "Spet imam družbo.", "attribution": "Marija", "role": ""}
    html = render(page)
    assert "<h3>O nas</h3>" in html
    assert "<blockquote><p>Spet imam družbo.</p></blockquote>" in html


def test_paragraph_html_has_internal_links_expanded(centre):
    target = StandardPageFactory(parent=centre.site.root_page, title="Urnik", slug="urnik")
    page = make_page(
        centre.site.root_page,
        [
            {
                "type": "paragraph",
                "value": f'<p>Poglejte <a linktype="page" id="{target.pk}">urnik</a>.</p>',
            },
            {"type": "paragraph", "value": "<p>Drugi odstavek.</p>"},
        ],
    )

    first, second = api(page)

    # As Wagtail's own link handler: the full URL, since the install serves several sites.
    link = '<a href="http://socio.localhost/urnik/">urnik</a>'
    assert first["value"] == {"html": f"<p>Poglejte {link}.</p>"}
    assert second["value"] == {"html": "<p>Drugi odstavek.</p>"}
    assert link in render(page)


def test_figure_gives_a_rendition_with_the_blocks_alt_text(centre):
    image = ImageFactory(title="Delavnica")
    page = make_page(
        centre.site.root_page,
        [
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Udeleženke pri delavnici"},
                    "caption": "Delavnica ročnih del",
                },
            }
        ],
    )

    value = api(page)[0]["value"]

    assert value["caption"] == "Delavnica ročnih del"
    assert value["image"]["alt"] == "Udeleženke pri delavnici"
    assert set(value["image"]) == {"url", "width", "height", "alt"}
    html = render(page)
    assert 'alt="Udeleženke pri delavnici"' in html
    assert "<figcaption>Delavnica ročnih del</figcaption>" in html


def test_embed_uses_the_stored_embed(centre, stored_embed):
    page = make_page(
        centre.site.root_page,
        [{"type": "embed", "value": {"url": VIDEO, "title": "Video o centru", "caption": ""}}],
    )

    value = api(page)[0]["value"]

    assert value["url"] == VIDEO
    assert value["provider_name"] == "YouTube"
    assert value["html"].startswith("<iframe")
    assert (value["width"], value["height"]) == (480, 270)
    html = render(page)
    assert 'aria-label="Video o centru"' in html
    assert "youtube.com/embed/mreza" in html


def test_call_to_action_links_a_page_or_an_address(centre):
    target = StandardPageFactory(parent=centre.site.root_page, title="Prijava", slug="prijava")
    page = make_page(
        centre.site.root_page,
        [
            {
                "type": "call_to_action",
                "value": {"heading": "Pridružite se", "button_text": "Prijava", "page": target.pk},
            }
        ],
    )
    value = api(page)[0]["value"]
    assert value["url"] == "/prijava/"
    assert value["page"] == {"id": target.pk, "title": "Prijava", "url": "/prijava/"}
    assert '<a class="button" href="/prijava/">Prijava</a>' in render(page)


def test_call_to_action_needs_a_target():
    block = CallToActionBlock()
    value = block.to_python({"heading": "Pridružite se", "button_text": "Prijava"})
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert set(raised.value.block_errors) == {"page"}


def test_document_list_gives_documents_not_ids(centre):
    document = DocumentFactory(title="Letno poročilo 2024")
    page = make_page(
        centre.site.root_page,
        [{"type": "document_list", "value": {"heading": "Poročila", "documents": [document.pk]}}],
    )

    [item] = api(page)[0]["value"]["documents"]

    assert item["id"] == document.pk
    assert item["title"] == "Letno poročilo 2024"
    assert item["url"] == f"/documents/{document.pk}/porocilo.pdf"
    assert item["file_extension"] == "pdf"
    assert "Letno poročilo 2024" in render(page)


def test_faq_answers_are_rich_text(centre):
    page = make_page(
        centre.site.root_page,
        [
            {
                "type": "faq",
                "value": {
                    "heading": "Pogosta vprašanja",
                    "items": [{"question": "Je plačljivo?", "answer": "<p>Ne.</p>"}],
                },
            }
        ],
    )
    value = api(page)[0]["value"]
    assert value["items"] == [{"question": "Je plačljivo?", "answer": {"html": "<p>Ne.</p>"}}]
    html = render(page)
    assert "<summary>Je plačljivo?</summary>" in html


def test_every_block_has_a_template_icon_and_label():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.template == f"blocks/{name}.html", name
        assert block.meta.icon, name
        assert block.label, name
        assert block.meta.description, name


@pytest.mark.parametrize("name", PREVIEWABLE)
def test_preview_values_render(centre, name):
    block = BodyBlock().child_blocks[name]
    value = block.get_preview_value()
    assert block.render(value, context={"page": centre.site.root_page.specific}) is not None
    assert block.get_api_representation(value, context={}) is not None
