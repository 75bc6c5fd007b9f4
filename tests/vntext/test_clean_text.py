from eportal.vntext.forms import clean_text


def test_it_cleans_a_submitted_value_to_unicode():
    assert clean_text("Së Th«ng tin vµ TruyÒn th«ng") == "Sở Thông tin và Truyền thông"


def test_it_leaves_values_that_are_not_text_alone():
    assert clean_text(None) is None
    assert clean_text(3) == 3
