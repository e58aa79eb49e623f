from stories.nlp.outlets import outlet_from_text

BODY = "The council voted on Tuesday to close the old bridge for repairs.\n\n"


def test_the_copyright_line_names_the_outlet() -> None:
    text = BODY + "© 2021 Harbour Evening Post. All rights reserved."
    assert outlet_from_text(text) == "Harbour Evening Post"


def test_a_copyright_with_the_year_after_the_name() -> None:
    assert outlet_from_text(BODY + "Copyright ©The Lakeside Star 2020") == "The Lakeside Star"


def test_an_acronym_beside_the_full_name_gives_way_to_it() -> None:
    assert outlet_from_text(BODY + "© 2019 LVT – Lower Valley Times") == "Lower Valley Times"


def test_a_subscription_pitch_names_the_outlet() -> None:
    text = BODY + "Subscribe\u00a0to Radio Kestrel\n\nMore stories"
    assert outlet_from_text(text) == "Radio Kestrel"


def test_the_pitch_stops_before_its_terms() -> None:
    text = BODY + "Subscribe to the Upland Courier for $2 a month"
    assert outlet_from_text(text) == "Upland Courier"


def test_a_pitch_for_our_own_channel_names_nobody() -> None:
    assert outlet_from_text(BODY + "Subscribe to our podcast today!") is None


def test_the_masthead_is_preferred_and_title_cased() -> None:
    text = "THE ORCHARD GAZETTE | Local | Sport\n\nBridge to close\n\n" + BODY
    text += "Copyright 2021 Orchard. All rights reserved."
    assert outlet_from_text(text) == "The Orchard Gazette"


def test_a_one_word_section_label_is_not_a_masthead() -> None:
    assert outlet_from_text("Bridge to close for a year\n\nLOCAL\n\n" + BODY) is None


def test_a_page_that_names_nobody_gives_none() -> None:
    assert (
        outlet_from_text(BODY + "Leave a Reply\n\nYour email address will not be published.")
        is None
    )
