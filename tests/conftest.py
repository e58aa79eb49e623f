import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test's story id may come back."""
    cache.clear()
    yield
    cache.clear()
