import pytest
from spacy.language import Language

from stories.nlp.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()
