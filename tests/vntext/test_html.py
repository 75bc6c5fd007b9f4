"""Rich text is converted as a whole HTML string: text changes, markup does not."""

from eportal.vntext import encode_legacy, to_unicode

HTML = '<p class="intro">Sở <b>Thông tin</b> và <a href="https://stttt.thaibinh.gov.vn/a?b=1">Truyền thông</a>&nbsp;tỉnh Thái Bình.</p>'


def test_it_converts_tcvn3_text_inside_html_and_keeps_the_markup():
    legacy = encode_legacy(HTML, "tcvn3")

    assert to_unicode(legacy) == HTML


def test_it_converts_vni_text_inside_html_and_keeps_the_markup():
    legacy = encode_legacy(HTML, "vni")

    assert to_unicode(legacy) == HTML


def test_it_converts_viqr_text_inside_html_and_keeps_the_markup():
    legacy = encode_legacy(HTML, "viqr")

    assert "<b>" in legacy and "href=" in legacy
    assert to_unicode(legacy) == HTML


def test_it_leaves_english_html_alone():
    html = '<p>Hello <a href="/a?b=c&amp;d=e" title="Who are you?">world</a>. e.g. U.S.A.</p>'

    assert to_unicode(html) == html
