"""The test suite's settings: the development ones (pytest-django still runs tests with DEBUG off).

Production settings redirect to HTTPS and want hashed static files that only `collectstatic`
writes; tests of the production way start their own server with them (test_production.py).
"""

import os

# Set before the settings are read, and inherited by the commands tests start in subprocesses.
os.environ["DJANGO_DEBUG"] = "1"

from newsroom.settings import *  # noqa: E402, F403
