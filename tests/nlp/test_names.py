from stories.nlp.names import clean_form, name_key, spelling_key, strip_title


def test_one_name_whatever_its_hyphens_dots_and_case() -> None:
    assert name_key("Kim Jong-un") == name_key("KIM JONG UN") == name_key("kim jong un")
    assert name_key("U.S.") == name_key("US")
    assert name_key("Kim Jong Un") != name_key("Kim Yo Jong")


def test_spellings_differ_where_a_reader_would_see_a_difference() -> None:
    assert spelling_key("Kim Jong-un") != spelling_key("Kim Jong Un")
    assert spelling_key("Wen  Haotian") == spelling_key("wen haotian")
    assert spelling_key("Ivo Horvat’s") == spelling_key("Ivo Horvat's")


def test_display_form_drops_article_possessive_and_full_stop() -> None:
    assert clean_form("the Kremlin’s") == "Kremlin"
    assert clean_form("Moscow.") == "Moscow"
    assert clean_form("U.S.") == "U.S."


def test_titles_before_a_name_are_not_the_name() -> None:
    assert strip_title(["Defence", "Minister", "Ivo", "Horvat"]) == (
        ["Defence", "Minister"],
        ["Ivo", "Horvat"],
    )
    assert strip_title(["Martin", "Luther", "King"]) == ([], ["Martin", "Luther", "King"])


def test_accents_do_not_make_another_name_and_other_scripts_are_kept() -> None:
    from stories.nlp.names import name_key

    assert name_key("Ana Lúcia Horvát") == name_key("Ana Lucia Horvat")
    assert name_key("Rui Inácio Costa da Silva") == "ruiinaciocostadasilva"
    assert name_key("习近平") != ""
