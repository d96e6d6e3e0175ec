# thidua — the single entry point. `make run` and `make test` set up everything they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test lint format worker beat messages bench system-deps setup dev-setup lock mutation fuzz

# What production runs: requirements.lock (hashes checked). `make setup` stops there.
$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The development tools on top (tests, browser driver, lint, fuzzer, uv): requirements-dev.lock.
$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

setup: $(BIN)/.installed system-deps
	$(BIN)/python manage.py compilemessages --ignore=.venv -v 0

dev-setup: $(BIN)/.installed-dev setup

# Refresh both lock files from pyproject.toml (after changing a dependency there), keeping
# every other pin; `make lock UV_ARGS=--upgrade` moves everything to the newest releases.
UV_ARGS ?=
lock: $(BIN)/.installed-dev
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" -q $(UV_ARGS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
		--custom-compile-command "make lock" -q $(UV_ARGS) -o requirements-dev.lock

system-deps:
	@bash scripts/system-deps.sh

run: setup
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py demo_certificate
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST)

test: dev-setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The long fuzz run (docs/reliability.md): FUZZ_EXAMPLES submissions per form and import
# (default 300, over 10,000 in all); figures in var/fuzz-report.json. Every `make test` runs
# the same fuzzer with a short budget. Set DATABASE_URL for PostgreSQL (what production runs).
fuzz: dev-setup
	HYPOTHESIS_PROFILE=fuzz FUZZ_REPORT=var/fuzz-report.json $(BIN)/python -m pytest tests/fuzz -q -p no:cacheprovider $(PYTEST_ARGS)

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(BIN)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(BIN)/.installed
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=tests --no-obsolete

worker: setup
	$(BIN)/celery -A config worker --loglevel=INFO --concurrency=2

# The schedule's state file goes under var/ (not committed), like the private media.
beat: setup
	mkdir -p var
	$(BIN)/celery -A config beat --loglevel=INFO --schedule=var/celerybeat-schedule

# PostgreSQL + Redis + gunicorn (2 workers) + a Celery worker on the national data set; wrk.
# BENCH_SCALE=0.1 for a quicker run (bench/README.md).
bench: setup
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.onboard
	$(BIN)/python -m bench.signing
	$(BIN)/python -m bench.papers

# Mutation testing of the rules engine and the scoring feature's ranking, vote and score code
# (docs/testing.md). Not part of `make test` or CI: about an hour on 2 cores. The test database
# is built once and reused by every mutant. `make mutation MUTMUT_ARGS="awards.rules.*"` runs
# a subset; MUTMUT_CHILDREN=1 runs one mutant at a time; results: `$(BIN)/mutmut results`.
MUTMUT_ARGS ?=
MUTMUT_CHILDREN ?= 2
$(BIN)/.mutation: $(BIN)/.installed-dev requirements-mutation.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-mutation.lock
	touch $@

mutation: $(BIN)/.mutation
	rm -f var/mutation-test.sqlite3
	mkdir -p var
	env -u DATABASE_URL TEST_DATABASE_NAME=$(CURDIR)/var/mutation-test.sqlite3 \
		$(BIN)/mutmut run --max-children $(MUTMUT_CHILDREN) $(MUTMUT_ARGS)
	$(BIN)/python scripts/mutation_score.py
