# The two commands of the README: `make run` and `make test`. Everything else is set-up they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# `make serve`: where gunicorn listens (behind the HTTPS proxy) and how many workers it runs.
BIND ?= 127.0.0.1:8000
WORKERS ?= 2

# Every target is a developer's, with DEBUG on, except `serve`, the production way.
export DJANGO_DEBUG ?= 1

.PHONY: run serve test setup test-setup seed lint lock bench evaluate clean

# The server and, beside it, a worker that runs the ingestions editors queue in the admin.
run: seed
	@echo "Serving the summit story at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	@$(PY) manage.py db_worker --no-startup-delay & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production: DEBUG off, DJANGO_SECRET_KEY required (see the README). The checks print any
# setting that is unsafe for production; the static files are collected, hashed and compressed.
serve: export DJANGO_DEBUG = 0
serve: setup
	$(PY) manage.py check --deploy
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn newsroom.wsgi --bind $(BIND) --workers $(WORKERS) --timeout 300 \
		--access-logfile - --error-logfile -

test: test-setup
	$(PY) -m pytest

# The database, migrated, with the summit story in it (a re-run changes nothing).
seed: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest fixtures/articles/summit --story summit \
		--title "Putin and Kim meet at the Vostochny Cosmodrome"

setup: $(VENV)/.installed
test-setup: $(VENV)/.test-installed
	@bash scripts/ensure-chromium

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Installs exactly the locked versions, each checked against its hash.
$(VENV)/.installed: requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.test-installed: requirements-test.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $(VENV)/.installed $@

# Regenerate the locks after changing pyproject.toml.
lock: | $(VENV)/bin/python
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -q -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --group test --generate-hashes --python-version 3.11 -q -o requirements-test.lock

lint: test-setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Page and pipeline timings, then ingest at growing sizes (SIZES="20 200" for a quick run).
SIZES ?= 20 200 2000
bench: setup
	$(PY) scripts/benchmark.py
	$(PY) scripts/bench_pages.py
	$(PY) scripts/bench_ingest.py --size $(SIZES)

# Extraction quality on every story with a gold file, in a scratch database of its own (made
# afresh each run, so the figures are those of the code as it is). ARGS narrows it, e.g.
# make evaluate ARGS="--split test --details"
EVALUATION_DB := var/evaluation.sqlite3
evaluate: setup
	mkdir -p var && rm -f $(EVALUATION_DB)
	DATABASE_URL=sqlite:///$(CURDIR)/$(EVALUATION_DB) $(PY) manage.py evaluate $(ARGS)

clean:
	rm -rf $(VENV) var
