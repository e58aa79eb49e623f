"""Articles an editor adds in the browser: uploaded .txt files or pasted text, checked as the
``ingest`` command checks files, with the manifest's facts typed into the form."""

from __future__ import annotations

import re
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.utils.text import slugify

from stories.nlp.reading import UnreadableArticle, read_article_text


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked on its own in ``ArticleUploadForm``."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        # Not the single-file checks: a zero-byte file would stop the whole field with a
        # message that names no file, hiding the others' (the form names each file's problem).
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in files if f]


class ArticleUploadForm(forms.Form):
    files = MultipleFileField(
        required=False,
        label="Article files",
        help_text="One or more UTF-8 .txt files; each becomes an article known by its file name "
        "(a file named like an article of the story replaces its text).",
    )
    pasted = forms.CharField(
        required=False,
        label="Or paste an article",
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
    )
    pasted_name = forms.CharField(
        required=False,
        max_length=200,
        label="File name for the pasted article",
        help_text="For example reuters-2023-09-14.txt; made from the first line when left empty.",
    )
    outlet = forms.CharField(required=False, max_length=200)
    url = forms.URLField(required=False, max_length=500, assume_scheme="https", label="URL")
    author = forms.CharField(required=False, max_length=200)
    published = forms.DateField(
        required=False,
        label="Publication date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Left empty, it is inferred from the text or from the story.",
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Give a web address starting with http:// or https://.")
        return url

    def clean(self) -> dict:
        data = super().clean()
        articles: list[dict] = []
        problems: list[str] = []
        for upload in data.get("files") or []:
            name = PurePath(upload.name).name
            if PurePath(name).suffix.lower() != ".txt":
                problems.append(f"{name}: is not a .txt file")
                continue
            if upload.size > settings.MAX_ARTICLE_BYTES:
                # Checked before reading, so a huge upload is never held in memory.
                problems.append(
                    f"{name}: file is too large ({upload.size:,} bytes; "
                    f"the limit is {settings.MAX_ARTICLE_BYTES:,})"
                )
                continue
            try:
                text = read_article_text(upload.read(), name, settings.MAX_ARTICLE_BYTES)
            except UnreadableArticle as exc:
                problems.append(str(exc))
                continue
            articles.append({"file": name, "text": text})
        pasted = data.get("pasted") or ""
        if pasted.strip():
            name = _pasted_name(data.get("pasted_name") or "", pasted)
            try:
                text = read_article_text(pasted.encode("utf-8"), name, settings.MAX_ARTICLE_BYTES)
            except UnreadableArticle as exc:
                problems.append(str(exc))
            else:
                articles.append({"file": name, "text": text})
        elif data.get("pasted_name"):
            self.add_error("pasted", "Paste the article's text, or leave the file name empty.")
        names = [a["file"] for a in articles]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            problems.append(
                "two articles share a name, and articles are known by file name: "
                + ", ".join(twice)
            )
        if problems:
            raise forms.ValidationError(problems)
        if not articles and not self.errors:
            raise forms.ValidationError("Choose one or more .txt files or paste an article.")
        facts = {
            "outlet": data.get("outlet") or None,
            "url": data.get("url") or None,
            "author": data.get("author") or None,
            "published": data["published"].isoformat() if data.get("published") else None,
        }
        data["articles"] = [{**a, **facts} for a in articles]
        return data


def _pasted_name(given: str, text: str) -> str:
    name = PurePath(given.strip()).name if given.strip() else ""
    if not name:
        first = next((line for line in text.splitlines() if line.strip()), "article")
        name = slugify(first)[:60] or "article"
    if not re.search(r"\.txt$", name, re.IGNORECASE):
        name += ".txt"
    return name
