# Newsroom: `make run` serves the demo site, `make test` runs the whole suite.
# Everything lands in .venv/ and var/ (both git-ignored); nothing is installed system-wide.

HOST ?= 127.0.0.1
# `make test` always builds a fresh test database; run .venv/bin/pytest directly to reuse one.
PYTEST_ARGS ?= --create-db
PORT ?= 8000
VENV ?= .venv
PY := $(VENV)/bin/python
# Runs a command with an embedded PostgreSQL (unless DATABASE_URL is set) that stops with it.
WITH_DB := $(PY) -m ops.pgembed run --

# Django 6.1 needs Python >= 3.12. Take the newest suitable interpreter from PATH or pyenv
# (pyenv-installed versions need not be on PATH). Override with `make PYTHON=/path/to/python3.x`.
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 \
	  $$(ls -d $(PYENV_ROOT)/versions/3.*/bin/python 2>/dev/null | sort -rV) python3 python; do \
	  p=$$(command -v $$c 2>/dev/null) || continue; \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done)

.DEFAULT_GOAL := help
.PHONY: help install run serve bench bench-import test lint messages makemessages backup restore clean import-demo bench-search-cache faults cluster cluster-down bench-cluster

help:
	@echo "make run    install, start embedded PostgreSQL, migrate, load demo content, serve http://$(HOST):$(PORT) (with the import worker)"
	@echo "make test   lint, migrations check, Arabic catalogue check, the whole pytest suite (browser tests too)"
	@echo "make serve  production-style server (gunicorn; needs SECRET_KEY, ALLOWED_HOSTS, SITE_URL; HTTPS=0 for plain HTTP)"
	@echo "make bench  newsroom-sized dataset, production server, wrk: throughput/latency/queries table"
	@echo "make bench-search-cache  10,000 distinct search terms: the page cache stays bounded"
	@echo "make faults  load on make serve while PostgreSQL restarts and the cache is removed: 5xx, lost comments"
	@echo "make backup / make restore BACKUP=dir   database dump plus media archive, and back"
	@echo "make import-demo   import the bilingual WordPress demo export into the make run database"
	@echo "make cluster   primary + streaming replica, Redis, two app servers, Varnish, purge worker, Ceph RGW for uploads (Ctrl-C stops all)"
	@echo "make cluster-down   stop a cluster started in the background"

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "No Python >= 3.12 found (PATH or pyenv). Install one, or pass PYTHON=/path/to/python3.12." >&2; exit 1; }
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# Compiled catalogues (.mo) are build products: made here (with Babel, no GNU gettext needed)
# and never committed. Fails on a catalogue that does not parse or breaks a placeholder.
messages: install
	@$(PY) -m ops.i18n

# Refresh the .po files after changing user-facing strings (needs GNU gettext's xgettext;
# each app keeps its own catalogue, site templates use locale/).
LOCALE_APPS = $(patsubst %/locale,%,$(wildcard */locale))
makemessages: install
	@for d in $(LOCALE_APPS); do (cd $$d && ../$(PY) ../manage.py makemessages -l ar --no-obsolete -v 0); done
	@$(PY) manage.py makemessages -l ar --no-obsolete -v 0 --ignore ./.venv --ignore ./.worktrees --ignore ./var --ignore ./tests \
	  $(foreach d,$(LOCALE_APPS),--ignore ./$(d))

# Development server: DEBUG on unless the environment says otherwise. Beside it, the worker that
# runs WordPress imports uploaded in the admin (task backend "imports"), stopped with the server.
run: export DEBUG ?= 1
run: messages
	$(WITH_DB) sh -c '$(PY) manage.py migrate --no-input && $(PY) manage.py load_demo && $(PY) manage.py load_demo_live \
	  && { $(PY) manage.py db_worker --backend imports --no-reload --interval 1 -v 0 & worker=$$!; \
	       trap "kill $$worker 2>/dev/null" EXIT; trap "exit 130" INT TERM; \
	       $(PY) manage.py runserver $(HOST):$(PORT); }'

# A WordPress export (WXR 1.2, Polylang pairs, comments in every state, pictures) shipped for the
# demo, imported into the same database as `make run` (run it again: nothing is duplicated).
import-demo: export DEBUG ?= 1
import-demo: messages
	$(WITH_DB) sh -c '$(PY) manage.py migrate --no-input && $(PY) manage.py import_wordpress \
	  tests/fixtures/wordpress/demo/euphrates-post-export.xml --media-dir tests/fixtures/wordpress/uploads'

# Production-style: gunicorn, DEBUG off, static files collected and compressed by WhiteNoise.
# Needs SECRET_KEY, ALLOWED_HOSTS and SITE_URL; HTTPS=0 for a plain-HTTP trial on 127.0.0.1. DEMO=1 loads demo content.
serve: export DEBUG = 0
# With uploads on object storage (AWS_STORAGE_BUCKET_NAME) the proxy serves them: off by default.
serve: export SERVE_MEDIA ?= $(if $(AWS_STORAGE_BUCKET_NAME),0,1)
serve: messages
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY (a long random string) - production settings refuse to start without it." >&2; exit 1; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make serve: set ALLOWED_HOSTS (comma-separated host names, e.g. 127.0.0.1) - production settings refuse to start without it." >&2; exit 1; }
	@test -n "$$SITE_URL" || { echo "make serve: set SITE_URL (the public address links are built from, e.g. https://news.example.org) - production settings refuse to start without it." >&2; exit 1; }
	$(WITH_DB) sh -c '$(PY) manage.py migrate --no-input -v 0 && $(PY) manage.py collectstatic --no-input -v 0 \
	  && { [ "$(DEMO)" != 1 ] || $(PY) manage.py load_demo; } \
	  && exec $(VENV)/bin/gunicorn newsroom.wsgi -c newsroom/gunicorn.conf.py'

# Newsroom-sized benchmark: builds data once (BENCH_SCALE=1: 20,000 articles), starts `make serve`,
# loads each page with wrk, prints the table and writes var/bench/results-*.json and a chart.
bench: messages
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk" >&2; exit 1; }
	$(WITH_DB) $(PY) -m ops.bench
	$(WITH_DB) $(PY) -m ops.bench_cluster

# Only the cluster run of `make bench` (Varnish, two app servers, replica, Redis: ops/bench_cluster.py).
bench-cluster: messages
	@command -v wrk >/dev/null || { echo "make bench-cluster needs wrk: apt-get install wrk" >&2; exit 1; }
	$(WITH_DB) $(PY) -m ops.bench_cluster

# Peak memory of the WordPress import on a generated export (BENCH_POSTS=50000 by default),
# into a scratch database created and dropped for the run.
bench-import: messages
	$(WITH_DB) $(PY) -m wordpress.bench

# 10,000 distinct search terms (SEARCH_BENCH_TERMS) against the page cache, with and without
# the search budget: prints the cache size; fails if the budgeted cache grew past its bound.
bench-search-cache: messages
	$(WITH_DB) $(PY) -m ops.bench_search_cache

# A bounded load on `make serve` while PostgreSQL restarts and the page-cache directory is
# removed: 5xx per phase, every posted comment stored once or refused (var/faults/results.json).
faults: messages
	$(WITH_DB) $(PY) -m ops.faults

# Database dump plus media archive into var/backups/<time>/ (or BACKUP_DIR=…).
backup: install
	$(WITH_DB) $(PY) -m ops.backup create $(BACKUP_DIR)

# Bring back a backup: make restore BACKUP=var/backups/20261126-120000
restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<folder>" >&2; exit 1; }
	$(WITH_DB) $(PY) -m ops.backup restore $(BACKUP)

# Several machines' processes on this one (ops/cluster.py): readers' address http://127.0.0.1:8080/.
cluster: messages
	@bash ops/require-packages cluster
	$(WITH_DB) $(PY) -m ops.cluster up

cluster-down: install
	$(PY) -m ops.cluster down

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: export DJANGO_SETTINGS_MODULE = tests.settings
test: lint messages
	$(WITH_DB) sh -c '$(PY) manage.py makemigrations --check --dry-run && $(VENV)/bin/pytest $(PYTEST_ARGS)'

clean:
	rm -rf var/pgdata var/media var/static var/cache
