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


def test_a_republishers_credit_names_the_page_not_the_agency() -> None:
    text = BODY + "Copyright Lakeside Wire. Republished by Hilltop Daily under license."
    assert outlet_from_text(text) == "Hilltop Daily"
    text = BODY + "Copyright 2020 Lakeside Wire. Distributed by the Upland Courier."
    assert outlet_from_text(text) == "Upland Courier"


def test_a_story_sentence_about_distribution_names_nobody() -> None:
    text = "In a photograph distributed by the Harbour Police, two men carry a crate.\n\n" + BODY
    assert outlet_from_text(text) is None


def test_a_breadcrumb_starts_with_the_sites_name_but_a_section_is_not_one() -> None:
    assert outlet_from_text("Orchard Daily › Local › Roads\n\n" + BODY) == "Orchard Daily"
    assert (
        outlet_from_text("HILL COUNTRY TIMES  ›  News  ›  Roads\n\n" + BODY) == "Hill Country Times"
    )
    assert outlet_from_text("World  >  Asia\n\n" + BODY) is None


def test_a_caps_section_label_gives_way_to_the_copyright_holder() -> None:
    text = "WORLD NEWS | FLOODS\n\n" + BODY + "© 2021 Lakeside Wire. All rights reserved."
    assert outlet_from_text(text) == "Lakeside Wire"


def test_the_name_ends_with_its_sentence() -> None:
    text = BODY + "Copyright 2024 Harbourton 9 News. Wire services contributed to this report."
    assert outlet_from_text(text) == "Harbourton 9 News"
