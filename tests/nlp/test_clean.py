import pytest

from stories.nlp.clean import clean_article

PAGE = """Mon. Mar 4th, 2024
Harbour Strike Ends After Ten Days of Talks

Dock Workers Accept New Pay Offer From Port Authority

by Maria Lopez and Tom Reed
3 comments

Dock workers voted on Sunday to end their strike, the union said.

[Photo/Harbour Press] Pickets outside the main gate.

The Vote

About 80 percent of members backed the deal, which raises wages by six percent.
Read also: Ferry fares to rise in spring
Subscribe to our newsletter

Frequently Asked Questions

Why did the workers strike?

They wanted higher wages after two years of inflation.

You may also like

• Port traffic hits record
City Post is a news website covering the region since 1990.
© 2024 City Post
"""


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean_article(text).blocks]


def test_offsets_point_into_the_original_text() -> None:
    for block in clean_article(PAGE).blocks:
        assert PAGE[block.start : block.end] == block.text


def test_printed_date_line_is_recorded_and_the_headline_is_the_next_line() -> None:
    article = clean_article(PAGE)
    assert article.printed_date is not None
    assert article.printed_date.isoformat() == "2024-03-04"
    assert article.headline == "Harbour Strike Ends After Ten Days of Talks"


def test_title_case_line_under_the_headline_is_a_subheadline() -> None:
    assert ("subheadline", "Dock Workers Accept New Pay Offer From Port Authority") in kinds(PAGE)


def test_byline_gives_the_author_and_comment_count_is_boilerplate() -> None:
    article = clean_article(PAGE)
    assert article.author == "Maria Lopez and Tom Reed"
    assert ("boilerplate", "3 comments") in kinds(PAGE)


def test_photo_credit_line_is_a_caption_and_short_title_is_a_heading() -> None:
    found = kinds(PAGE)
    assert ("caption", "[Photo/Harbour Press] Pickets outside the main gate.") in found
    assert ("heading", "The Vote") in found


def test_read_also_and_subscribe_lines_are_boilerplate() -> None:
    found = kinds(PAGE)
    assert ("boilerplate", "Read also: Ferry fares to rise in spring") in found
    assert ("boilerplate", "Subscribe to our newsletter") in found


def test_faq_questions_and_answers_are_not_body() -> None:
    body = clean_article(PAGE).body
    assert "inflation" not in body
    assert "Why did" not in body


def test_everything_after_an_end_of_article_marker_is_boilerplate() -> None:
    body = clean_article(PAGE).body
    assert "record" not in body
    assert "news website" not in body
    assert "2024 City Post" not in body


def test_only_story_paragraphs_are_body() -> None:
    body = [b.text for b in clean_article(PAGE).body_blocks]
    assert body == [
        "Dock workers voted on Sunday to end their strike, the union said.",
        "About 80 percent of members backed the deal, which raises wages by six percent.",
    ]


def test_duplicated_caption_lines_are_captions() -> None:
    text = (
        "Storm Closes Schools\n\n"
        "Flooding forced the closure of twelve schools on Friday, officials said.\n"
        "A flooded street in the old town after the storm. Reuters\n"
        "A flooded street in the old town after the storm.\n"
        "Classes will resume next week.\n"
    )
    found = kinds(text)
    assert [k for k, _ in found] == ["headline", "body", "caption", "caption", "body"]


def test_hard_wrapped_lines_of_one_paragraph_are_one_block() -> None:
    text = (
        "Council Approves Budget\n\n"
        "The city council approved the annual budget on Thursday after a long debate\n"
        "about road repairs and library funding.\n"
    )
    body = clean_article(text).body_blocks
    assert len(body) == 1
    assert body[0].text.endswith("library funding.")


def test_a_byline_at_the_top_gives_the_author_not_the_headline() -> None:
    text = "By John Smith\n\nThe mayor opened the new bridge on Friday. Crowds lined the river."
    article = clean_article(text)
    assert article.author == "John Smith"
    assert article.headline == ""
    assert kinds(text)[0] == ("byline", "By John Smith")
    assert kinds(text)[1][0] == "body"


def test_a_byline_above_the_headline_is_skipped() -> None:
    article = clean_article("By Ana Ruiz\nFloods Close Mountain Roads\n\nHeavy rain fell.")
    assert article.author == "Ana Ruiz"
    assert article.headline == "Floods Close Mountain Roads"


def test_a_section_label_is_furniture_and_a_lede_is_never_the_headline() -> None:
    text = "World\n\nThe president met reporters on Monday. He said talks would resume."
    article = clean_article(text)
    assert article.headline == ""
    assert kinds(text) == [
        ("heading", "World"),
        ("body", "The president met reporters on Monday. He said talks would resume."),
    ]


def test_a_section_label_above_the_headline_is_skipped() -> None:
    article = clean_article("Politics\nSenate Passes Budget Bill\n\nThe Senate voted on Friday.")
    assert article.headline == "Senate Passes Budget Bill"
    assert article.blocks[0].kind == "heading"


def test_a_long_line_ending_with_a_full_stop_is_body_not_headline() -> None:
    lede = (
        "The regional council voted on Tuesday to close three rural schools at the end of "
        "the year, citing falling pupil numbers."
    )
    article = clean_article(lede + "\n\nParents said they would appeal.")
    assert article.headline == ""
    assert article.blocks[0].kind == "body"


def test_headlines_with_abbreviations_or_a_closing_full_stop_stay_headlines() -> None:
    assert clean_article("U.S. Envoy Visits Seoul\n\nText.").headline == "U.S. Envoy Visits Seoul"
    assert clean_article("Gen. Lee retires.\n\nText.").headline == "Gen. Lee retires."


@pytest.mark.parametrize(
    "top",
    [
        "HARBOUR 9 NEWS  |  Local  Weather  Politics  Investigations  Watch Live",
        "News   Weather   Sports   Traffic   Watch Live   Contests",
        "VALLEY 9 NEWS | Harbourton - Port Vessa - Alder County",
        "INDEX 31,909.64 ▼345.22   BONDS 3.70%   FERRY  HALTED",
        "Get The Brief, our free morning newsletter. [Enter email] [Sign up]",
        "Get The Morning Record in your inbox. Sign up | No thanks",
        "UPDATE, 2:47 PM: This story has been updated with the latest sailing figures.",
        "Watch: Ferry chief on the cancellations (2:41)",
    ],
)
def test_the_sites_menus_tickers_and_prompts_over_the_headline_are_not_it(top: str) -> None:
    article = clean_article(
        f"{top}\n\nFerry Line Cancels Sailings\n\nBy Ana Silva\n\n"
        "Harbour Lines cancelled all sailings on Monday.\n"
    )
    assert article.headline == "Ferry Line Cancels Sailings"
    assert [b.text for b in article.body_blocks] == [
        "Harbour Lines cancelled all sailings on Monday."
    ]


@pytest.mark.parametrize(
    "headline",
    [
        "WATCH: Ferry Line Cancels Sailings",
        "LIVE UPDATES: Ferry Line Cancels Sailings",
        "STORM ALDER | Ferry stranded off Port Vessa as winds reach 90mph",
        "ELECTION 2024 | Voters queue in Port Vessa as polls open",
        "BREAKING NEWS | Ferry runs aground off Port Vessa",
        "Harbour Lines shares ▲12% as ferry operator returns to profit",
        "Ferry  runs  aground  off  Port Vessa",
    ],
)
def test_a_labelled_headline_is_still_the_headline(headline: str) -> None:
    article = clean_article(
        f"{headline}\n\nBy HR9 News staff\n\nHarbour Lines cancelled all sailings on Monday.\n"
    )
    assert article.headline == headline
    assert article.author == "HR9 News"


def test_a_byline_shared_with_staff_is_a_byline() -> None:
    article = clean_article(
        "Ferry Line Cancels Sailings\n\nBy Ana Silva and staff\n\n"
        "Harbour Lines cancelled all sailings on Monday.\n"
    )
    assert article.author == "Ana Silva"
    assert [b.text for b in article.body_blocks] == [
        "Harbour Lines cancelled all sailings on Monday."
    ]


def test_a_skip_link_above_the_headline_is_not_the_headline() -> None:
    article = clean_article(
        "Skip to content\n\nFerry Line Cancels Sailings\n\n"
        "Storms keep the fleet in port for a second day\n\nBy Ana Silva\n\n"
        "Harbour Lines cancelled all sailings on Monday.\n"
    )
    assert article.headline == "Ferry Line Cancels Sailings"
    assert [b.text for b in article.body_blocks] == [
        "Harbour Lines cancelled all sailings on Monday."
    ]


def test_a_one_word_prompt_at_the_top_is_boilerplate() -> None:
    article = clean_article("Advertisement\nSenate Passes Budget Bill\n\nThe Senate voted.")
    assert article.blocks[0].kind == "boilerplate"
    assert article.headline == "Senate Passes Budget Bill"


def test_a_wire_dateline_is_split_off_the_lede_and_the_body_starts_after_it() -> None:
    text = (
        "Aid Convoy Crosses Border\n\n"
        "ANKARA, Feb 9 (Continental Wire) - The first aid convoy crossed the border.\n\n"
        "Officials said more would follow.\n"
    )
    article = clean_article(text)
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert ("dateline", "ANKARA, Feb 9 (Continental Wire) - ") in kinds
    body = article.body_blocks[0]
    assert body.text.startswith("The first aid convoy")
    assert text[body.start : body.end] == body.text


def test_a_dateline_of_two_places_is_split_off_the_lede() -> None:
    article = clean_article(
        "Aid Crosses Border\n\nANKARA/BEIRUT, Feb 9 (Continental Wire) - The first aid convoy "
        "crossed the border.\n"
    )
    assert article.body_blocks[0].text == "The first aid convoy crossed the border."


@pytest.mark.parametrize(
    "lede",
    [
        "HIV/AIDS - related deaths fell by a third last year, the agency said.",
        "NATO/EU — Ministers met in Port Vessa on Monday.",
        "By Friday staff, unpaid, walked out.",
    ],
)
def test_a_lede_opening_like_a_dateline_or_a_byline_stays_whole(lede: str) -> None:
    article = clean_article(f"Ferry Line Cancels Sailings\n\n{lede}\n\nThe port reopened.\n")
    assert article.body_blocks[0].text == lede


def test_a_dateline_that_lost_its_dash_is_still_furniture() -> None:
    article = clean_article(
        "House Passes Bill\n\nWASHINGTON The House passed the bill on Friday.\n"
    )
    assert article.body_blocks[0].text == "The House passed the bill on Friday."


def test_an_acronym_opening_a_sentence_is_not_a_dateline() -> None:
    article = clean_article("Launch Delayed\n\nNASA delayed the launch again on Monday.\n")
    assert article.body_blocks[0].text.startswith("NASA delayed")


def test_cookie_notice_site_name_and_menu_are_not_the_headline() -> None:
    article = clean_article(
        "This site uses cookies. Continue browsing to accept.\n\n"
        "HARBOR LEDGER\n\n"
        "NEWS  |  Local  |  Weather\n\n"
        "Ferry operator admits safety checks were skipped\n\n"
        "The operator told regulators on Monday that two inspections had been skipped.\n"
    )
    assert article.headline == "Ferry operator admits safety checks were skipped"
    assert article.body_blocks[0].text.startswith("The operator told regulators")


def test_a_standfirst_under_the_headline_is_not_body() -> None:
    article = clean_article(
        "Ferry Sinks Off Cape\n\n"
        "The operator thanks rescuers and promises an inquiry, while families wait at the quay\n\n"
        "The ferry sank on Monday.\n"
    )
    assert [b.text for b in article.body_blocks] == ["The ferry sank on Monday."]


def test_wire_credits_and_read_more_links_are_furniture() -> None:
    article = clean_article(
        "Ferry Sinks\n\nThe ferry sank on Monday.\n\n"
        "(Reporting by Ana Lopes in Porto; Editing by Tom Hale)\n\n"
        "Read more:\nInquiry opens into ferry operator\nDivers search the wreck\n"
    )
    assert [b.text for b in article.body_blocks] == ["The ferry sank on Monday."]


def test_a_text_cut_off_mid_word_loses_only_its_broken_sentence() -> None:
    text = (
        "Ferry Sinks\n\nThe ferry sank on Monday.\n\n"
        "Divers found the wreck on Tuesday. Officials said the search would go on for the mon"
    )
    article = clean_article(text)
    assert [b.text for b in article.body_blocks] == [
        "The ferry sank on Monday.",
        "Divers found the wreck on Tuesday.",
    ]
    broken = [b for b in article.blocks if b.kind == "boilerplate"]
    assert broken and text[broken[0].start : broken[0].end].endswith("for the mon")


def test_a_site_name_above_a_longer_title_is_the_masthead_not_the_headline() -> None:
    page = (
        "The Harbour Ledger — Business\n\n"
        "Dock workers end ten-day strike after accepting new pay offer\n\n"
        "By Maria Lopez\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n"
    )
    clean = clean_article(page)
    assert clean.headline == "Dock workers end ten-day strike after accepting new pay offer"
    assert ("boilerplate", "The Harbour Ledger — Business") in kinds(page)


def test_a_banner_above_the_headline_is_furniture_but_breaking_news_is_the_headline() -> None:
    banner = (
        "TRAFFIC ADVISORY: Ring road closed between exits 4 and 6 until 9 p.m.\n\n"
        "Dock workers end ten-day strike after accepting new pay offer\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n"
    )
    assert clean_article(banner).headline.startswith("Dock workers end")
    breaking = "BREAKING: Dock workers end strike\n\nDock workers voted on Sunday to end it.\n"
    assert clean_article(breaking).headline == "BREAKING: Dock workers end strike"


def test_a_printed_date_under_the_headline_is_a_date_not_a_standfirst() -> None:
    page = (
        "Dock workers end ten-day strike after accepting new pay offer\n\n"
        "Posted: Mar 4, 2024 / 05:52 PM CST\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n"
    )
    clean = clean_article(page)
    assert clean.stamped_date is not None and clean.stamped_date.isoformat() == "2024-03-04"


def test_a_caption_ending_with_its_photo_credit_is_a_caption() -> None:
    line = "Pickets wait outside the main gate. Photo: L. Moorhouse/Harbour Press"
    page = f"Strike ends\n\n{line}\n\nDock workers voted on Sunday to end their strike.\n"
    assert ("caption", line) in kinds(page)


def test_numbered_section_titles_are_headings() -> None:
    page = (
        "Five things to know about the strike\n\n"
        "1. The vote was close\n\n"
        "About 80 percent of members backed the deal, which raises wages by six percent.\n"
    )
    assert ("heading", "1. The vote was close") in kinds(page)


def test_a_related_coverage_list_is_not_body() -> None:
    page = (
        "Strike ends\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n\n"
        "Related Coverage\n"
        "Where the port's ships wait, berth by berth\n"
        "Opinion: What the union got wrong\n\n"
        "Ferries will run to the usual timetable from Monday, the operator said.\n"
    )
    assert ("boilerplate", "Where the port's ships wait, berth by berth") in kinds(page)


def test_a_blogs_comments_are_not_body() -> None:
    page = (
        "Strike ends\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n\n"
        '2 thoughts on "Strike ends: what the deal means for the port and its workers"\n\n'
        "Dave R. says:\n"
        "Great writeup, finally understand the deal.\n"
        "Reply\n"
    )
    body = [text for kind, text in kinds(page) if kind == "body"]
    assert body == ["Dock workers voted on Sunday to end their strike, the union said."]


def test_a_standfirst_before_the_byline_is_not_body_even_with_full_stops() -> None:
    page = (
        "Dock workers end ten-day strike\n\n"
        "In short: the strike is over. Here is how it ended and what comes next.\n\n"
        "By Maria Lopez\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n"
    )
    assert (
        "subheadline",
        "In short: the strike is over. Here is how it ended and what comes next.",
    ) in kinds(page)


def test_page_furniture_at_the_foot_and_around_the_story_is_not_body() -> None:
    page = (
        "Dock workers end ten-day strike\n\n"
        "By Maria Lopez\n\n"
        "Filed under: Ports, Labour\n\n"
        "Reading time: four minutes\n\n"
        "Harbour desk  ·  4 min read\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n\n"
        "Related explainers\n"
        "Who runs the port?\n\n"
        "Get The Harbour Brief in your inbox every Friday.\n\n"
        "We use cookies to improve your experience. By continuing, you agree to our Cookie"
        " Policy. Accept\n\n"
        "2 Responses\n\n"
        "Dale in Tulsa\n"
        "Great summary of the strike.\n"
    )
    body = [text for kind, text in kinds(page) if kind == "body"]
    assert body == ["Dock workers voted on Sunday to end their strike, the union said."]
    furniture = {text for kind, text in kinds(page) if kind == "boilerplate"}
    assert {"Filed under: Ports, Labour", "Reading time: four minutes"} <= furniture


def test_a_date_with_its_update_time_is_the_articles_own() -> None:
    page = (
        "Dock workers end ten-day strike\n\n"
        "By Maria Lopez\n\n"
        "March 4, 2024, updated 11:48 p.m. ET\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n"
    )
    clean = clean_article(page)
    assert clean.stamped_date is not None and clean.stamped_date.isoformat() == "2024-03-04"


BODY = "The ferry stopped in the middle of the strait on Monday, the operator said."


def test_a_tagline_and_a_trail_of_sections_above_the_headline_are_not_the_headline() -> None:
    page = (
        "THE FERRY GAZETTE\n\n"
        "Boats, ports and the people who run them\n\n"
        "Home » Explainers » Why the ferry stopped\n\n"
        "Why the ferry stopped: the engine, the crew and the weather\n\n"
        "Posted by Ana Ruiz  ·  5 min read  ·  4 comments\n\n"
        f"{BODY}\n"
    )
    clean = clean_article(page)
    assert clean.headline == "Why the ferry stopped: the engine, the crew and the weather"
    assert clean.author == "Ana Ruiz"
    assert ("boilerplate", "Boats, ports and the people who run them") in kinds(page)
    assert [b.text for b in clean.blocks if b.kind == "body"] == [BODY]


def test_a_section_label_and_a_bare_update_time_are_not_the_headline() -> None:
    page = (
        "Local | Harbour Fire\n\n"
        "Updated 6:20 p.m. ET\n\n"
        "Fire destroys three warehouses on the harbour front\n\n"
        "By Jo Lee and Sam Park | Staff writers, Harbour desk\n\n"
        f"{BODY}\n"
    )
    clean = clean_article(page)
    assert clean.headline == "Fire destroys three warehouses on the harbour front"
    assert clean.author == "Jo Lee and Sam Park"
    assert [b.text for b in clean.blocks if b.kind == "body"] == [BODY]


def test_a_byline_carrying_place_and_update_time_dates_the_article() -> None:
    page = (
        "Ferry stops mid-strait\n\n"
        "Written by Asha Menon | Chennai | Last Updated: March 4, 2024 18:02 IST\n\n"
        f"{BODY}\n"
    )
    clean = clean_article(page)
    assert clean.author == "Asha Menon"
    assert clean.stamped_date is not None and clean.stamped_date.isoformat() == "2024-03-04"


def test_readers_comments_under_a_comment_count_are_not_the_story() -> None:
    page = f"Ferry stops mid-strait\n\n{BODY}\n\n7 Comments\n\nRaj M.: Proud of the crew today.\n"
    assert ("boilerplate", "Raj M.: Proud of the crew today.") in kinds(page)


def test_comments_are_closed_ends_the_story() -> None:
    page = (
        f"Ferry stops mid-strait\n\n{BODY}\n\nComments are closed for this story.\n\n"
        "Port Courier is the harbour's paper. The ferry runs daily.\n"
    )
    assert [k for k, _ in kinds(page)][-2:] == ["boilerplate", "boilerplate"]


def test_a_paywall_and_a_pointer_to_the_sites_own_pages_are_furniture() -> None:
    pointer = "Read the full transcript of Monday's hearing on our Transport hub."
    paywall = "Subscribers get unlimited access to the Gazette. Already a member? Log in"
    page = f"Ferry stops mid-strait\n\n{BODY}\n\n{pointer}\n\n{paywall}\n"
    assert ("boilerplate", pointer) in kinds(page)
    assert ("boilerplate", paywall) in kinds(page)


def test_a_note_on_where_a_republished_story_first_ran_is_furniture() -> None:
    note = (
        "This article was originally published on March 4, 2024, by the Harbour Courier and is "
        "republished here with permission."
    )
    page = f"Ferry stops mid-strait\n\n{note}\n\n{BODY}\n"
    assert ("boilerplate", note) in kinds(page)


def test_a_posted_line_with_the_time_first_or_a_later_stamp_after_gives_the_date() -> None:
    time_first = "Posted at 5:48 PM, Jul 01, 2021 and last updated 6:31 PM"
    writer_after = "Posted 13/11/2023 at 4:52 PM by Jo Lee | 7 comments"
    modified_after = "Published on: 24/03/2023 - 16:52  Modified: 25/03/2023 - 19:10"
    last_updated = "Last updated: August 3, 2022"
    for line, day in (
        (time_first, "2021-07-01"),
        (writer_after, "2023-11-13"),
        (modified_after, "2023-03-24"),
        (last_updated, "2022-08-03"),
    ):
        clean = clean_article(f"Ferry stops mid-strait\n\n{line}\n\n{BODY}\n")
        assert clean.stamped_date is not None and clean.stamped_date.isoformat() == day
        assert clean.headline == "Ferry stops mid-strait"


def test_a_subscribe_bar_and_a_trail_ending_in_a_years_section_are_not_the_headline() -> None:
    text = (
        "Harbour Courier\n\n"
        "Subscribe from $2 a week | Log in\n\n"
        "Sport > Sailing > The Coastal Cup Regatta of 2023\n\n"
        "EXPLAINER\n\n"
        "From the start line to the protest room: how one collision decided the regatta\n\n"
        "A week after the final race, the jury has stripped the winners of their title.\n\n"
        "By Ana Silva\n\n"
        "Listen to this article · 4 min\n\n"
        "The home crew crossed the line first on Sunday, two lengths ahead of the visitors.\n"
    )
    clean = clean_article(text)
    assert clean.headline.startswith("From the start line to the protest room")
    assert [b.text for b in clean.blocks if b.kind == "body"] == [
        "The home crew crossed the line first on Sunday, two lengths ahead of the visitors."
    ]


def test_a_posted_date_with_a_time_is_not_a_trail_of_sections() -> None:
    text = (
        "Posted: Mar 4, 2024 / 05:52 PM\n\n"
        "Harbour Strike Ends After Ten Days of Talks\n\n"
        "Dock workers voted on Sunday to end their strike, the union said.\n"
    )
    clean = clean_article(text)
    assert clean.stamped_date is not None and clean.stamped_date.isoformat() == "2024-03-04"
    assert clean.headline == "Harbour Strike Ends After Ten Days of Talks"


def test_a_writers_name_alone_under_the_standfirst_is_the_byline() -> None:
    text = (
        "A harbour treasure among the stolen pieces\n\n"
        "The silver compass, a gift from the old guild, was taken in Monday's raid on the "
        "museum. Local historians call it a loss for the whole coast.\n\n"
        "Marta Kowalska\n\n"
        "Among the pieces that thieves carried out of the museum on Monday is one that sailors "
        "regard as their own.\n\n"
        "The Vote\n\n"
        "The council met on Tuesday to discuss a reward.\n"
    )
    clean = clean_article(text)
    assert clean.author == "Marta Kowalska"
    assert [b.kind for b in clean.blocks[:3]] == ["headline", "subheadline", "byline"]
    assert ("heading", "The Vote") in kinds(text)


def test_a_note_about_the_writers_under_the_story_is_not_body() -> None:
    text = (
        "Port Reopens After Storm\n\n"
        "By Marta Kowalska and Tom Reed\n\n"
        "The port reopened on Monday after three days of gales, the harbour master said.\n\n"
        "Marta Kowalska covers shipping from Gdansk. Tom Reed covers the coast.\n"
    )
    clean = clean_article(text)
    assert [b.text for b in clean.blocks if b.kind == "body"] == [
        "The port reopened on Monday after three days of gales, the harbour master said."
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Crews clear the pier on Tuesday. (Harbour Record/Ana Silva)", "caption"),
        ("The mayor speaks to reporters. (Harbour Voice photo/R. Costa)", "caption"),
        ("The judge reads the verdict. (Pool video image)", "caption"),
        ("Last updated 9:14 p.m.", "boilerplate"),
        ("Updated 2 hours ago", "boilerplate"),
        ("Correction: An earlier version of this article gave the wrong toll.", "boilerplate"),
        ("Get breaking news alerts from the Harbour Voice", "boilerplate"),
        ("Want the morning briefing in your mail? Sign up here", "boilerplate"),
        ("CAPTION: Crews clear the pier on Tuesday.", "caption"),
        ("This is a developing story and will be updated.", "boilerplate"),
        ("Originally published on Harbour Wire.", "boilerplate"),
        ("This story is part of our series on the future of ports.", "boilerplate"),
        ("The views expressed in this article are the author's own.", "boilerplate"),
        ("Got a tip? Email us at tips@harbourvoice.com", "boilerplate"),
        ("What do you think? Let us know in the comments.", "boilerplate"),
        ("Want more stories like this? Get the morning briefing.", "boilerplate"),
        ("Live updates: the latest on the harbour fire", "boilerplate"),
        ("Write to Ana Silva at ana.silva@harbourvoice.com", "boilerplate"),
        ("The council said the pier (and the old mill) would reopen in May.", "body"),
        ("This is a developing port, the mayor said, and its pier is its heart.", "body"),
        ("Originally the pier was published in the town's guide as a fishing quay.", "body"),
        ("First published in 1851, the Harbour Gazette said on Tuesday it would close.", "body"),
        (
            "Originally posted on TikTok, the video of the collapse was seen two million times.",
            "body",
        ),
        ("This report is part of a wider inquiry into the port, the ministry said.", "body"),
        ("The views expressed by Silva were echoed by the union on Monday.", "body"),
    ],
)
def test_captions_timestamps_and_notes_of_the_page_are_furniture(line: str, kind: str) -> None:
    text = (
        "Harbour fire destroys the old pier\n\n"
        "Fire crews fought the blaze on the old pier for six hours on Monday.\n\n"
        f"{line}\n\n"
        "The harbour master said the pier would be rebuilt."
    )
    assert (kind, line) in kinds(text)


def test_a_live_pages_entry_times_and_titles_are_not_body() -> None:
    text = (
        "LIVE: Ferry crews search the bay through the night\n\n"
        "By Harbour News staff\n\n"
        "Crews searched the bay through the night for the missing.\n\n"
        "Last updated 11:52 p.m. local time\n\n"
        "11:40 p.m.\n\n"
        "Divers return to the harbour\n\n"
        "Divers returned to the harbour after four hours in the water, the coast guard said.\n\n"
        "9:15 p.m. | Toll rises to 12\n\n"
        "The coast guard raised the number of confirmed deaths to 12.\n\n"
        "Download the Harbour News app for breaking news alerts.\n\n"
        "Refresh this page for the latest updates."
    )
    found = kinds(text)
    assert ("boilerplate", "Last updated 11:52 p.m. local time") in found
    assert ("boilerplate", "11:40 p.m.") in found
    assert ("heading", "Divers return to the harbour") in found
    assert ("heading", "9:15 p.m. | Toll rises to 12") in found
    assert ("boilerplate", "Download the Harbour News app for breaking news alerts.") in found
    assert ("boilerplate", "Refresh this page for the latest updates.") in found
    body = [t for k, t in found if k == "body"]
    assert body == [
        "Crews searched the bay through the night for the missing.",
        "Divers returned to the harbour after four hours in the water, the coast guard said.",
        "The coast guard raised the number of confirmed deaths to 12.",
    ]


def test_a_summary_box_a_site_name_over_its_menu_and_a_numbered_credit_are_furniture() -> None:
    text = (
        "The Quayside Ledger\n\n"
        "Home | Local | Business | Sport\n\n"
        "We use cookies to improve your experience. Accept | Manage preferences\n\n"
        "SHIPPING\n\n"
        "Ferry sank after crew ignored fog warning, inquiry finds\n\n"
        "What you need to know\n\n"
        "• The inquiry says the crew ignored two fog warnings.\n\n"
        "• The operator must pay for the salvage.\n\n"
        "The wreck of the ferry in the bay. (Harbour 9 News/Sky 9)\n\n"
        "A ferry that sank in the bay last month went down after its crew ignored two fog"
        " warnings, an inquiry found on Thursday."
    )
    found = kinds(text)
    assert ("boilerplate", "The Quayside Ledger") in found
    assert ("headline", "Ferry sank after crew ignored fog warning, inquiry finds") in found
    assert ("boilerplate", "• The operator must pay for the salvage.") in found
    assert ("caption", "The wreck of the ferry in the bay. (Harbour 9 News/Sky 9)") in found
    assert [t for k, t in found if k == "body"] == [
        "A ferry that sank in the bay last month went down after its crew ignored two fog"
        " warnings, an inquiry found on Thursday."
    ]


def test_a_box_of_where_to_give_help_is_furniture_up_to_the_next_heading() -> None:
    text = (
        "Ferry sank after crew ignored fog warning, inquiry finds\n\n"
        "A ferry sank in the bay on Thursday, the coast guard said.\n\n"
        "HOW TO HELP\n\n"
        "The Bayside Relief Fund is accepting donations. Families can register for aid at the"
        " Harbour Aid Centre on Quay Street.\n\n"
        "• Red Cross, Coast Region: redcross.example/coast\n\n"
        "The search\n\n"
        "Divers found the wreck on Friday."
    )
    found = kinds(text)
    assert [t for k, t in found if k == "body"] == [
        "A ferry sank in the bay on Thursday, the coast guard said.",
        "Divers found the wreck on Friday.",
    ]


def test_bullet_points_that_read_as_sentences_outside_a_summary_box_are_body() -> None:
    text = (
        "Ferry sank after crew ignored fog warning, inquiry finds\n\n"
        "The inquiry made three findings:\n\n"
        "• The crew ignored two fog warnings.\n\n"
        "• The radar had not been repaired since June."
    )
    assert ("body", "• The radar had not been repaired since June.") in kinds(text)


def test_a_few_quoted_words_over_a_section_are_its_heading_a_quoted_sentence_is_body() -> None:
    text = (
        "Ferry sank after crew ignored fog warning, inquiry finds\n\n"
        "Families waited at the harbour gates through the night.\n\n"
        "‘It’s been hell’\n\n"
        "Tomas Vidal lives by the pier. “It’s been hell,” he said.\n\n"
        "‘I don’t even know that I want to go back there’\n\n"
        "“I don’t even know that I want to go back there,” said Ana Silva.\n\n"
        "“We will rebuild.”"
    )
    found = kinds(text)
    assert ("heading", "‘It’s been hell’") in found
    assert ("heading", "‘I don’t even know that I want to go back there’") in found
    assert ("body", "“We will rebuild.”") in found


@pytest.mark.parametrize(
    "line",
    [
        "Our Standards: The Harbour Trust Principles.",
        "This story has been updated to include comments from the mayor.",
        "Contact the author at ana.silva@example.com",
        "We use cookies to improve your experience on our site.",
        "Have a news tip? Email us at tips@example.com.",
        "Watch: Ferry sinks off Valmora coast (2:14)",
        "Image caption, Rescuers searched the harbour through the night",
        "Media caption, The mayor spoke to reporters on Monday",
        "Follow Ana Silva on X.",
        "Support our journalism. Donate today.",
        "Explore more on these topics",
        "Rui Costa contributed reporting from Harbourton.",
        "A version of this article appears in print on March 15, 2024, Section A, Page 1.",
        "Don't miss out on the latest news. Sign up today.",
        "Rescuers carry a survivor ashore on Thursday. Ivo Horvat for the Harbour Record",
        "The mayor addressed reporters on Thursday. REUTERS/Marko Kovac",
        "This article was produced with support from the Valmora Press Fund.",
        "Thank you for reading. Please consider supporting us.",
        "Get our free app for breaking news alerts.",
        "Read next: Why Valmora's ferries keep sinking",
        "Trending: Mayor resigns after port scandal",
        "Ana Silva reported from Harbourton; Rui Costa from Porto.",
        "Written by Ana Silva. Edited by Rui Costa.",
        "Ana Silva is the Harbour Record's transport correspondent.",
        "(Valmora Wire reporting by Ana Silva and Rui Costa; additional reporting by Record staff)",
        "Record subscribers get unlimited access to our coverage. Subscribe from £1 a month.",
        "Subscribers can download this week's ferry tracker from the members' area.",
        "Map: The channel where the ferry went down. Map data: Harbour Record graphics",
        "Explainer video: How a ferry stays afloat (3:05)",
        "Gift this article: subscribers can share 10 articles a month",
        "Save for later  |  Gift article  |  Print",
        "Audio version: 4 min 12 s · read by an automated voice",
        "Follow Ports: get an alert whenever we publish a new story on this topic",
        "Follow our live coverage on the Record app. Turn on alerts for updates.",
        "Text by: Harbour 24 with wires",
        "All times are GMT. This page is no longer being updated.",
        "From our Balkans desk",
        "FILE PHOTO: A ferry is seen docked at the port of Alder, March 3, 2021. "
        "REUTERS/Ana Silva/File Photo",
        "Pictured: the wreck of the ferry off Alder on Tuesday",
        "A woman cries outside the terminal in Alder on Tuesday. Ana Silva / AFP",
        "Crew members were lifted from the water on Tuesday, state TV showed. Video: Harbour TV",
        "Send any friend a story",
        "As a subscriber, you have 10 gift articles to give each month.",
        "As a subscriber, you have ten gift articles to give each month.",
        "Subscribers have 10 gift articles to give each month.",
        "We want to hear from you: were you on the ferry? Send photos to news@record.example.",
        "Join the conversation: comments are open to subscribers for 48 hours.",
        "Comments are moderated. Please keep them civil and on topic.",
        "Comments on this article are closed.",
        "Comments (42)  |  Leave a comment",
        "This article appears in the Weekend print edition on page 3.",
        "Appeared in the March 9, 2024, print edition as ‘The Ferry That Never Came Back’.",
        "You have 3 free articles remaining this month. Subscribe for unlimited access.",
        "This article is free to read. Our coverage of the sinking is open to everyone.",
        "How to help: a list of verified donation sites is updated every day. See the list ›",
        "Read the full port authority update here",
        "Dockers march outside the terminal gates on Monday. Credit: Ana Silva",
        "Rui Costa addresses dockers on Monday. | Photo credit: Harbour Record",
        "Harbour Record reporter Ana Silva contributed from Dorvale.",
        "Ana Silva and Rui Costa contributed from Dorvale and Porto.",
        "With files from the Harbour Record",
        "— With files from Valmora Wire",
        "This article originally appeared on Harbour Daily.",
        "Originally published on Harbour Daily on March 12, 2024.",
        "Disclaimer: This story has not been edited by Harbour Daily staff.",
        "Note: Comments have been disabled on this article.",
        "Skip twitter post by Rui Costa",
        "End of twitter post by Rui Costa",
        "View this post on Instagram",
        "A post shared by Harbour Union (@harbourunion)",
        "We won. Back to work tomorrow. pic.twitter.com/AbC123xyz",
        "This article contains content provided by X. We ask for your permission first.",
        "Allow Instagram content?",
        "This content is not available due to your privacy preferences.",
        "Harbour Record journalists Rui Costa and Ana Silva wrote this report.",
        "A post shared by Lena Berg (@lena.berg) on Mar 12, 2024 at 3:14pm",
        "What a night in Harbourton! pic.twitter.com/Ab12Cd — Lena Berg (@lenaberg) March 12, 2024",
        "Allow Bluesky content?",
        "With files from The Valmora Wire, Harbour Press",
        "Comments have been disabled on this article due to legal proceedings.",
        "An earlier version of this story misstated the size of the pay rise.",
        "Updated at 5 p.m. with comments from the mayor.",
        "Updated at 5:30 p.m. ET with comments from the mayor, the coastguard and the union.",
        "Information from Valmora Wire was used in this report.",
        "VIDEO: Dockers marched through the city on Monday",
        "WATCH | Dockers marched through the city on Monday",
    ],
)
def test_the_pages_own_notes_captions_and_appeals_are_not_body(line: str) -> None:
    page = (
        "Ferry sinks off the Valmora coast\n\n"
        "A ferry carrying 80 passengers sank off Valmora on Thursday, the port said.\n\n"
        f"{line}\n\n"
        "Mayor Rui Costa said the search would go on through the night.\n"
    )
    body = [text for kind, text in kinds(page) if kind == "body"]
    assert body == [
        "A ferry carrying 80 passengers sank off Valmora on Thursday, the port said.",
        "Mayor Rui Costa said the search would go on through the night.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Watch crews worked through the night to reach the hull.",
        "Subscribers can cancel their contracts without penalty, the regulator said.",
        "Ferry subscribers have lost access to the season ticket discount.",
        "Map makers said the channel had shifted since the survey.",
        "Subscribers get full access to the back catalogue from Monday, the company said.",
        "Velora subscribers get unlimited access to live matches under the plan, a spokesman said.",
        "Fewer homes subscribe, the survey found. Subscribe for a year and the price falls.",
        "Subscribers can watch the final on the new channel, the league confirmed.",
        "Police said the intruder entered the club's members' area through a side door.",
        "(The inquiry heard that reporting by the harbour master was delayed by three days.)",
        "Residents said they get an alert whenever the river rises above the wall.",
        "Officials urged residents to turn on alerts on their phones.",
        "All times are approximate, the inquiry's report cautioned.",
        "All times in the race were slower than last year, organisers said.",
        "Save for later voyages, the ferry line has kept two boats in dock.",
        "Audio version: the recording, played to the court, lasted four minutes.",
        "Text by: the message, sent at 3 a.m., warned of the storm.",
        "Skip to the main story of the day and the port is still the problem, the mayor said.",
        "All times were changed when the timetable was rewritten in May.",
        "From our reporters in the port, the picture was grim.",
        "Trending upward all week, fares rose again on Monday.",
        "The two sides met at the NATO/Valmora Council on Monday.",
        "Rui Costa voted for the Harbour Union motion.",
        "Rui Costa reported from Harbourton that the ferry sank.",
        "Ana Silva is a former editor of the Harbour Record and now runs the union.",
        "Police urged anyone who may have a tip about the raid to call a hotline, Costa said.",
        "The Red Cross urged residents to donate now, Ana Silva said.",
        "Rui Costa, whose son contributed reporting on the port for a school paper, said so.",
        "The vote split the council. Ana Silva / Rui Costa split the party too.",
        "Pictured in court on Monday, Costa showed no emotion.",
        "Video footage showed the ferry listing before it sank. Video: the clip ran on state TV.",
        "The union will give articles of its charter to the court, Costa said.",
        "As a subscriber to the Alder Courier, Silva said, she had used her gift articles to "
        "give neighbours the news.",
        "We want to hear from the families first, the inquiry's chair said.",
        "Comments on the plan have been closed since March, the council said.",
        "Costa appeared in the dock wearing the same suit he wore in the print edition photo.",
        "The mayor explained how to help: give blood, and stay away from the port.",
        "Residents can read the full report at the town hall from Monday, the council said.",
        "We want to hear from you, Silva told the crowd of angry parents on Monday evening.",
        "Comments are open until April 2 on the proposed rules, which would cap rents.",
        "Comments have been turned off on the mayor's page since the vote, a spokesman said.",
        "How to help: the Red Cross said it needed blood donors in the lower town.",
        "You have two free articles remaining, the notice told readers, but the wall was broken.",
        "Neighbours contributed from across the island, and the fund closed on Monday.",
        "With files from the archive, investigators rebuilt the timeline, Costa said.",
        "Originally published in 1990, the port survey warned of cracks in the quay.",
        "A post shared by the union on Monday was deleted within the hour, Costa said.",
        "Rui Costa said he wrote this report for the council in 2019 and stood by it.",
        "The regulator said harmful content from TikTok had been removed within hours.",
        "The lab analysed content from X-ray scans of 400 patients at the Harbourton clinic.",
        "This report was published on Tuesday by the Valmora inspectorate.",
        "This story appeared first in the Valmora Gazette in 1978, when Rui Costa was 12.",
        "“Every word is true,” said Lena Berg, the auditor who wrote this report.",
        "The funds were contributed from Valmora.",
        "With files from the registry still missing the case stalled for two years.",
        "An earlier version of the plan, drafted in 2019, was dropped by the council.",
        "Updated with new cranes, the quay reopened on Monday, with comments from the mayor.",
        "Information from the black box was used in this report, the inquiry's chair said.",
        "Video footage showed dockers marching through the city on Monday.",
        "The mayor thanked the volunteers (and the police) for their work.",
        "An earlier version of this report was leaked to the press in March. The minister said "
        "it had been rewritten twice since then.",
        "An earlier version of this report had recommended closing the port, the minister said.",
        "Updated figures with details of the losses will be published on Friday.",
        "Updated guidance with information for ferry passengers was published on Monday.",
        "Video: the clip, filmed by a passenger, shows water pouring onto the car deck.",
        "Gallery: a dozen paintings of the harbour will go on show in Dorvale next month.",
        "Information from the coastguard was used in this report.",
    ],
)
def test_story_sentences_that_look_like_page_notes_stay_body(line: str) -> None:
    page = (
        "Ferry sinks off the Valmora coast\n\n"
        "A ferry carrying 80 passengers sank off Valmora on Thursday, the port said.\n\n"
        f"{line}\n"
    )
    assert line in [text for kind, text in kinds(page) if kind == "body"]


@pytest.mark.parametrize(
    "line",
    [
        "First published on Thu 14 Mar 2024 09.15 GMT",
        "Mar. 14, 2024 / 9:15 AM / Harbour Wire",
        "Last Updated: March 15, 2024 | Published: March 14, 2024",
    ],
)
def test_a_date_line_gives_the_day_the_article_first_appeared(line: str) -> None:
    page = (
        "Ferry sinks off the Valmora coast\n\n"
        f"{line}\n\n"
        "A ferry carrying 80 passengers sank off Valmora, the port said.\n"
    )
    clean = clean_article(page)
    day = clean.stamped_date or clean.printed_date
    assert day is not None and day.isoformat() == "2024-03-14"


def body_of(text: str) -> list[str]:
    return [t for k, t in kinds(text) if k == "body"]


def test_a_list_of_the_sites_other_stories_is_not_body() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        "Most read on the Harbour Post\n"
        "1. Flood waters forced 2,000 people from their homes on Tuesday\n"
        "2. A retired clerk won a lottery draw on Friday and said she would keep working\n\n"
        "The union said the new contract runs for three years.\n\n"
        "More from the Harbour Post\n"
        "• The council voted on Monday to rename Quay Street\n"
        "Crews rescued a driver whose truck slid into the river on Saturday\n"
    )
    assert body_of(page) == [
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.",
        "The union said the new contract runs for three years.",
    ]


def test_dated_corrections_and_update_notes_are_not_body() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Correction, June 1: An earlier version of this article gave the wrong vote count.\n\n"
        "UPDATE, 2:47 PM: This story has been updated with figures from the port.\n\n"
        "Updated July 5, 2021, 8:10 p.m. This story was first put online at noon.\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        "Trending on Harbour 8: Snow warning for three counties | Bridge reopens\n\n"
        "Update: the port reopened on Tuesday, the harbour master said.\n"
    )
    assert body_of(page) == [
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.",
        "Update: the port reopened on Tuesday, the harbour master said.",
    ]


def test_a_note_on_the_writer_above_the_story_is_not_body() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Ilka Varga is a reporter for the Harbour Post. She grew up in Port Vessa and joined "
        "the paper in 2018.\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n"
    )
    assert body_of(page) == [
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike."
    ]


def test_the_story_goes_on_under_a_heading_after_a_list_of_other_stories() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        "Trending on Harbour 8\n"
        "Police arrested two men after a chase on Route 9\n\n"
        "Monday: the vote\n\n"
        "The union said the new contract runs for three years.\n"
    )
    assert body_of(page)[-1] == "The union said the new contract runs for three years."


def test_a_pull_quote_repeating_a_sentence_of_the_story_is_not_body() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Dock workers returned on Monday. The ferry was not classed as a hazardous vessel, "
        "so no one had to be told.\n\n"
        "—— The ferry was not classed as a hazardous vessel, so no one had to be told.\n\n"
        "The union said the new contract runs for three years.\n"
    )
    assert len(body_of(page)) == 2


def test_a_breaking_banner_over_the_sites_furniture_is_not_the_headline() -> None:
    page = (
        "BREAKING: Route 9 reopened after a water main break\n\n"
        "This site uses cookies to analyse traffic. By continuing, you consent to our use.\n\n"
        "Ferry strike ends after nine days\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n"
    )
    assert clean_article(page).headline == "Ferry strike ends after nine days"


def test_the_pages_podcast_and_video_players_are_not_body() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Podcast: On today's episode, our labour reporter explains the deal. "
        "Listen now (24 min)\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        "Video: Watch the vote at the union hall in full (12:06)\n"
    )
    assert body_of(page) == [
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike."
    ]


def test_a_byline_with_where_the_writer_filed_from_names_the_writer() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga in Port Vessa\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        "Ilka Varga is the Post's Valmora correspondent. She covered the Nordic desk from 2015 "
        "and won a regional press prize in 2021.\n"
    )
    clean = clean_article(page)
    assert clean.author == "Ilka Varga"
    assert body_of(page) == [
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike."
    ]


def test_a_labelled_pull_quote_is_furniture_and_the_storys_own_copy_is_body() -> None:
    sentence = "The ruling is meant to unlock funding and help ports share dredging crews."
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        f"PULL QUOTE | {sentence}\n\n"
        "The union said the new contract runs for three years.\n\n"
        f"{sentence}\n"
    )
    assert body_of(page)[-1] == sentence
    assert [k for k, t in kinds(page) if t.startswith("PULL QUOTE")] == ["caption"]


def test_a_note_that_the_page_is_in_another_language_too_is_not_the_lede() -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "This article is also available in French. Lire en français ›\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n"
    )
    assert body_of(page) == [
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike."
    ]


def test_the_headline_under_a_trail_of_sections_comes_past_a_date_and_a_translation_note() -> None:
    page = (
        "VESSA VALLEY COURIER — English edition\n\n"
        "Vessa › Culture › Old Vault\n\n"
        "Thursday, 28 November 2019\n\n"
        "Translated from Valmoran. Read the original article on our Valmoran site.\n\n"
        "Half a million euros for the museum thieves\n\n"
        "By Ilka Varga\n\n"
        "Police offered a reward of 500,000 euros on Thursday for the museum thieves.\n"
    )
    clean = clean_article(page)
    assert clean.headline == "Half a million euros for the museum thieves"
    assert clean.printed_date is not None and clean.printed_date.isoformat() == "2019-11-28"
    assert body_of(page) == [
        "Police offered a reward of 500,000 euros on Thursday for the museum thieves."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Sponsored · Thinking about retiring early? A free guide from Orla Advisers shows how.",
        "▶ 3:27 | WATCH: The controlled burn as seen from the tower camera",
        "Photo gallery: 1 of 31 · Relatives wait behind a barricade on Friday. K. Marlow/Post",
        "Read the full order here (PDF, 9 pages)",
    ],
)
def test_blurbs_players_galleries_and_linked_files_are_not_body(line: str) -> None:
    page = (
        "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
        "Dock workers in Port Vessa returned to work on Monday after a nine-day strike.\n\n"
        f"{line}\n\n"
        "The union said the new contract runs for three years.\n"
    )
    assert line not in body_of(page)


HEAD = "Ferry strike ends after nine days\n\nBy Ilka Varga\n\n"
LEDE = "Dock workers in Port Vessa returned to work on Monday after a nine-day strike."
TAIL = "The union said the new contract runs for three years."


@pytest.mark.parametrize(
    "line",
    [
        "By Friday in Harbourton, the queues had gone.",
        "UPDATE, 4:15 PM: The fire is now contained and two workers were taken to hospital.",
        "Updated forecasts 48 hours later showed the storm turning north, away from the harbour.",
        "Updated on March 2 with new rules, the port's safety plan now bars night crossings.",
        "Translated from Valmoran, the union's letter says the port broke every promise.",
        "Correction, not punishment: that is what the new code is for, the harbour master said.",
        "Promoted – twice in three years – Lena Varga now runs the port police.",
        "Sponsored - in part - by Harbour Lines, the festival drew 20,000 people on Saturday.",
        "See the full extent of the damage here: the quay wall split along 40 metres.",
        "Gallery 2 of 14 in the museum was closed after the flood, staff said.",
        "“We won,” she said.",
        "Ilka Varga is stepping down as editor of the Harbour Post, she told staff on Monday.",
    ],
)
def test_news_that_looks_like_furniture_stays_body(line: str) -> None:
    page = HEAD + LEDE + "\n\n" + line + "\n\n" + TAIL + "\n"
    assert body_of(page) == [LEDE, line, TAIL]


def test_the_story_goes_on_after_a_list_when_a_short_paragraph_follows() -> None:
    page = HEAD + LEDE + "\n\nDon't miss\nSnow warning for three counties\n\n“We won,” she said.\n"
    assert body_of(page) == [LEDE, "“We won,” she said."]


def test_a_paragraph_ended_like_a_sentence_under_a_heading_is_no_list_title() -> None:
    line = "The ferry company said on Tuesday it would not seek damages."
    page = HEAD + LEDE + "\n\nMore news on the strike\n" + line + "\n\n" + TAIL + "\n"
    assert line in body_of(page)


@pytest.mark.parametrize(
    "page",
    [
        HEAD + "No ferries will sail to Alder until Wednesday.\n\n"
        "Harbour Lines said on Tuesday that no ferries will sail to Alder until Wednesday, "
        "because two boats need repairs.\n\n" + TAIL,
        HEAD + "“We will not go back until every contract is signed.”\n\n" + TAIL + "\n\n"
        "“We will not go back until every contract is signed.”",
    ],
)
def test_a_paragraph_of_the_story_repeated_elsewhere_is_no_pull_quote(page: str) -> None:
    kinds_of = dict((t, k) for k, t in kinds(page))
    first = page.split("\n\n")[2]
    assert kinds_of[first] == "body"


def test_a_breaking_headline_over_a_byline_with_separators_stays_the_headline() -> None:
    page = (
        "BREAKING: Ferry strike ends after nine days\n\n"
        "By Ilka Varga | Port Vessa | March 4, 2024\n\n" + LEDE + "\n"
    )
    clean = clean_article(page)
    assert clean.headline == "BREAKING: Ferry strike ends after nine days"
    assert clean.author == "Ilka Varga"


def test_past_a_trail_of_sections_a_sentence_is_not_taken_for_the_headline() -> None:
    page = (
        "Harbour news you can trust\n\nNews › Labour\n\nTranslated from Valmoran.\n\n"
        + LEDE
        + "\n\n"
        + TAIL
        + "\n"
    )
    assert LEDE in body_of(page)


@pytest.mark.parametrize(
    ("lede", "body"),
    [
        ("PORT VESSA, Sept 4: The ferry sailed again.", "The ferry sailed again."),
        ("DORVALE: The ferry sailed again.", "The ferry sailed again."),
        ("Port Vessa: The ferry sailed again.", "Port Vessa: The ferry sailed again."),
        ("Factbox: The ferry sailed again.", "Factbox: The ferry sailed again."),
        ("Lena Berg: The ferry sails again.", "Lena Berg: The ferry sails again."),
    ],
)
def test_a_dateline_closed_by_a_colon_is_split_off_the_lede(lede: str, body: str) -> None:
    article = clean_article(f"Ferry Line Resumes Sailings\n\n{lede}\n\nThe port reopened.\n")
    assert article.body_blocks[0].text == body


def test_a_quote_set_out_and_signed_with_a_dash_is_not_body() -> None:
    page = (
        "Lander lost\n\nThe agency said the engine fired for too long on Saturday.\n\n"
        "“We built this bridge to stand for a hundred years, not ten.” — Rui Costa, head "
        "of the agency\n\nThe mission ended."
    )
    assert body_of(page) == [
        "The agency said the engine fired for too long on Saturday.",
        "The mission ended.",
    ]


def test_appeals_small_print_and_a_markets_strip_are_not_body() -> None:
    page = (
        "THE HARBOUR LEDGER\n\nUSD/VAL 0.9258   HRBR 1.86 ▼8.0%   Markets closed\n\n"
        "Harbour Bank sold to rival\n\nHarbour Bank was sold on Sunday.\n\n"
        "Support the Ledger. We are funded by our readers, not advertisers.\n\n"
        "Become a member from $5 a month.\n\n"
        "The Ledger is not responsible for the content of external sites.\n\n"
        "Markets data delayed by at least 15 minutes. Prices in dollars unless stated.\n"
    )
    assert clean_article(page).headline == "Harbour Bank sold to rival"
    assert body_of(page) == ["Harbour Bank was sold on Sunday."]


def test_illustration_credits_link_lists_and_the_outlets_notes_on_itself_are_not_body() -> None:
    page = (
        "Ferry strike ends\n\nDock workers returned to work on Monday.\n\n"
        "A courtroom sketch shows the union leader at the hearing. Illustration: Ana Silva for "
        "HR9\n\n"
        "Catch up: Strike begins | Talks collapse | What the union wants\n\n"
        "More from HR9 News\n› Who is left standing at the port?\n› Your questions, answered\n\n"
        "HR9 is an editorially independent publication. Our editorial policy is available here.\n"
    )
    assert body_of(page) == ["Dock workers returned to work on Monday."]


def test_a_sign_in_bar_is_not_the_lede() -> None:
    article = clean_article(
        "Ferry Line Resumes Sailings\n\nWire and staff reports\n\n"
        "Posted Fri 3 Nov 2023, 6:05am  ·  Updated 9:40am\n\n"
        "Sign in  |  Subscribe from $1 a week\n\n"
        "The ferry sailed again on Thursday.\n"
    )
    assert article.body_blocks[0].text == "The ferry sailed again on Thursday."


def test_body_lines_that_open_like_chrome_or_a_list_item_stay_body() -> None:
    page = (
        "Bank data stolen\n\nThe bank said hackers broke in on Monday.\n\n"
        "Login details of 2 million customers were stolen, the bank said.\n\n"
        '» Lena Berg, a librarian, said the breach was "a disgrace"\n\n'
        "Rui Costa, who founded Harbourton Voice, said the outlet is an independent newsroom "
        "funded by readers.\n"
    )
    assert len(body_of(page)) == 4


def test_a_bulleted_paragraph_after_a_list_of_links_does_not_end_the_story() -> None:
    page = (
        "Council vote\n\nThe council voted on Monday.\n\nMore from Harbourton\n"
        "• Who is left on the council?\n\n"
        "• The vote was 7-2, with Lena Berg and Rui Costa against.\n\n"
        "The council met again on Friday.\n"
    )
    assert "The council met again on Friday." in body_of(page)
