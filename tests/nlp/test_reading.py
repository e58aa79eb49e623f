import pytest

from stories.nlp.reading import UnreadableArticle, read_article_text


def test_utf8_text_is_returned_with_unix_newlines() -> None:
    assert read_article_text(b"Line one\r\nLine two\r", "a.txt") == "Line one\nLine two\n"


def test_utf8_bom_is_accepted_and_dropped() -> None:
    assert read_article_text("\ufeffCafé opens".encode(), "a.txt") == "Café opens"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 society".encode("latin-1"), "not UTF-8"),
        (b"x" * 101, "too large"),
    ],
)
def test_unreadable_files_say_which_file_and_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableArticle) as info:
        read_article_text(data, "report.txt", max_bytes=100)
    assert "report.txt" in str(info.value)
    assert reason in str(info.value)


def test_mostly_control_characters_count_as_binary() -> None:
    with pytest.raises(UnreadableArticle, match="binary"):
        read_article_text(bytes(range(1, 9)) * 20 + b"text", "blob.txt")
