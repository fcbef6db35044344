"""The admin copes with every block type: the editor opens, values validate and round-trip."""

import pytest

from blocks.streams import BodyBlock
from sites.models import StandardPage
from tests.blocks.helpers import make_page
from tests.blocks.stream_world import body
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Blocks showing snippets chosen per page have no preview value, so no picker preview.
PREVIEWABLE = [name for name, block in BodyBlock().child_blocks.items() if block.is_previewable]


@pytest.fixture
def page(centre, world) -> StandardPage:
    return make_page(centre.site.root_page, body(world, len(BodyBlock.base_blocks)))


def test_page_editor_opens_with_every_block_type(client, page):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    assert "eu_acknowledgement" in response.content.decode()


def test_every_stored_value_validates_and_round_trips(page):
    stream_block = page.body.stream_block

    cleaned = stream_block.clean(page.body)

    assert [child.block_type for child in cleaned] == list(BodyBlock.base_blocks)
    stored = stream_block.get_prep_value(cleaned)
    reloaded = stream_block.clean(stream_block.to_python(stored))
    assert stream_block.get_prep_value(reloaded) == stored
    assert len(stream_block.get_form_state(page.body)) == len(BodyBlock.base_blocks)


@pytest.mark.parametrize("name", PREVIEWABLE)
def test_block_picker_previews_render(client, centre, name):
    block = StandardPage._meta.get_field("body").stream_block.child_blocks[name]
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})

    assert response.status_code == 200
    assert f"block-{name}" in response.content.decode()
