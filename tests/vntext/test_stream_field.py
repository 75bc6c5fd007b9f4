"""StreamField data is converted block by block; block types and ids are kept."""

from wagtail import blocks
from wagtail.fields import StreamField

from eportal.vntext.signals import STREAM, _convert, _convert_stream_data


def make_field():
    return StreamField(
        [
            ("heading", blocks.CharBlock()),
            ("paragraph", blocks.RichTextBlock()),
            (
                "link",
                blocks.StructBlock([("title", blocks.CharBlock()), ("url", blocks.URLBlock())]),
            ),
        ]
    )


RAW = [
    {"type": "heading", "value": "Th«ng b¸o", "id": "dd-1"},
    {"type": "paragraph", "value": "<p>Ng\xadêi d©n</p>", "id": "dd-2"},
    {
        "type": "link",
        "value": {"title": "V¨n b¶n", "url": "https://thaibinh.gov.vn/a?b=1"},
        "id": "dd-3",
    },
]
EXPECTED = [
    {"type": "heading", "value": "Thông báo", "id": "dd-1"},
    {"type": "paragraph", "value": "<p>Người dân</p>", "id": "dd-2"},
    {
        "type": "link",
        "value": {"title": "Văn bản", "url": "https://thaibinh.gov.vn/a?b=1"},
        "id": "dd-3",
    },
]


def test_it_converts_the_text_of_a_stream_value():
    value = make_field().to_python(RAW)

    assert _convert(value, STREAM) == EXPECTED


def test_it_converts_stream_data_as_a_revision_holds_it():
    import json

    assert json.loads(_convert_stream_data(json.dumps(RAW))) == EXPECTED
