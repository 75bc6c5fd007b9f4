"""Numbers and symbols are split into their parts and found however they are typed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eportal.legal.numbers import (
    clean_number,
    find_numbers,
    form_from_name,
    number_key,
    parse_number,
)


@pytest.mark.parametrize(
    "text,number,year,form_abbr,issuer,form",
    [
        ("05/2014/QĐ-UBND", "05", 2014, "QĐ", "UBND", "quyet-dinh"),
        ("43/2011/NĐ-CP", "43", 2011, "NĐ", "CP", "nghi-dinh"),
        ("51/2005/QH11", "51", 2005, "", "QH11", ""),
        ("01/2016/TTLT-BTTTT-BNV", "01", 2016, "TTLT", "BTTTT-BNV", "thong-tu-lien-tich"),
        ("86/KH-STTTT", "86", None, "KH", "STTTT", "ke-hoach"),
        ("1234/UBND-VP", "1234", None, "", "UBND-VP", ""),
        (" 05 / 2014 / QĐ – UBND ", "05", 2014, "QĐ", "UBND", "quyet-dinh"),
    ],
)
def test_it_splits_a_number_and_symbol(text, number, year, form_abbr, issuer, form):
    parsed = parse_number(text)
    assert (parsed.number, parsed.year, parsed.form_abbr, parsed.issuer_abbr) == (
        number,
        year,
        form_abbr,
        issuer,
    )
    assert parsed.form == form


@pytest.mark.parametrize("text", ["", "abc", "QĐ-UBND", "2014", "05/2014/", "05/2014/QĐ UBND"])
def test_it_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


def test_it_tidies_spacing_and_dashes():
    assert clean_number(" 05 / 2014 / QĐ – UBND.") == "05/2014/QĐ-UBND"


@pytest.mark.parametrize(
    "variant", ["05/2014/QĐ-UBND", "5/2014/QD-UBND", "05/2014/qđ-ubnd", "05 / 2014 / QD - UBND"]
)
def test_it_gives_one_key_however_the_number_is_typed(variant):
    assert number_key(variant) == number_key("05/2014/QĐ-UBND") == "5/2014/QD-UBND"


def test_it_keeps_different_documents_apart():
    assert number_key("05/2014/QĐ-UBND") != number_key("05/2015/QĐ-UBND")
    assert number_key("05/2014/QĐ-UBND") != number_key("50/2014/QĐ-UBND")


def test_it_finds_numbers_in_running_text():
    text = (
        "Quyết định này thay thế Quyết định số 12/2009/QĐ-UBND ngày 15/7/2009 "
        "và Chỉ thị số 03/CT-UBND."
    )
    assert find_numbers(text) == ["12/2009/QĐ-UBND", "03/CT-UBND"]


@pytest.mark.parametrize(
    "name,code",
    [
        ("QUYẾT ĐỊNH", "quyet-dinh"),
        ("Thông tư liên tịch", "thong-tu-lien-tich"),
        ("Thông tư", "thong-tu"),
        ("NGHỊ ĐỊNH", "nghi-dinh"),
        ("Luật Giao dịch điện tử", "luat"),
        ("Tờ trình", ""),
    ],
)
def test_it_knows_the_forms_by_name(name, code):
    assert form_from_name(name) == code


@given(
    number=st.integers(min_value=1, max_value=9999),
    year=st.integers(min_value=1990, max_value=2099),
    form=st.sampled_from(["QĐ", "NĐ", "TT", "CT", "NQ", "KH"]),
    issuer=st.sampled_from(["UBND", "CP", "BTTTT", "HĐND", "STTTT"]),
    zeros=st.integers(min_value=0, max_value=2),
)
def test_it_parses_every_well_formed_number(number, year, form, issuer, zeros):
    text = f"{'0' * zeros}{number}/{year}/{form}-{issuer}"
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.year == year and parsed.form_abbr == form and parsed.issuer_abbr == issuer
    assert number_key(text) == number_key(f"{number}/{year}/{form}-{issuer}")
