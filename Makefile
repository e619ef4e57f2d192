# Quick start: `make run` (the portal with worker and scheduler) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-local install-dev lock run test lint format messages demo clean \
	bench loadtest scaleout

# Installs come from the lock files in requirements/ (exact versions, every file's hash);
# pyproject.toml is where dependencies are edited, `make lock` pins them again.
# `make run` needs the runtime dependencies and honcho; the test tools (Playwright …) come with
# the targets that use them, so a first `make run` is quicker.
INSTALL = $(BIN)/python -m pip install --quiet --require-hashes
$(VENV)/.installed-%: requirements/%.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(INSTALL) -r $<
	@touch $@

install: $(VENV)/.installed-base

install-local: $(VENV)/.installed-local

install-dev: $(VENV)/.installed-dev

# Re-pin after editing pyproject.toml. The files build on each other (-c), so every file has
# the same version of a shared package. `make lock LOCK_ARGS=--upgrade` moves everything to
# the newest versions; `LOCK_ARGS="--upgrade-package django"` only one package.
PIP_TOOLS := pip-tools==7.6.2
LOCK_VENV := $(VENV)/pip-tools
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet \
	--generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || \
	  ($(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet $(PIP_TOOLS))
	$(PIP_COMPILE) -o requirements/base.txt pyproject.toml
	$(PIP_COMPILE) --extra local -c requirements/base.txt -o requirements/local.txt pyproject.toml
	$(PIP_COMPILE) --extra local --extra dev -c requirements/local.txt -o requirements/dev.txt \
	  pyproject.toml

run: install-local
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Starting web server, Celery worker and beat at http://127.0.0.1:8000 (Ctrl-C stops all three)"
	$(BIN)/honcho -f Procfile.dev start

# The suite runs in parallel (pytest-xdist), one process per core; PYTEST_WORKERS=0 runs it in
# this process (for pdb), PYTEST_ARGS passes anything else to pytest.
PYTEST_WORKERS ?= auto
test: install-dev
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint --lint templates */templates
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Update the German catalogues after changing user-facing strings.
messages: install-dev
	for app in core providers network meetings circulars pinboard news proposals notifications reports; do \
	  (cd $$app && ../$(BIN)/python ../manage.py makemessages -l de -l en --no-obsolete); done
	# The project catalogue (locale/): templates/ and config/. 'app/?*' skips an app's own files
	# but not templates/<app>/ (a bare 'app' would match both).
	$(BIN)/python manage.py makemessages -l de -l en --no-obsolete --ignore=.venv --ignore=var \
	  --ignore=build --ignore=tests --ignore=static --ignore=locale --ignore='*.egg-info' \
	  --ignore='core/?*' --ignore='providers/?*' --ignore='network/?*' --ignore='meetings/?*' \
	  --ignore='notifications/?*' --ignore='circulars/?*' --ignore='pinboard/?*' --ignore='news/?*' --ignore='proposals/?*' --ignore='reports/?*'
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf var/db.sqlite3 var/broker var/celery-results var/mail var/cache

# --- Measuring (issue 12; code in bench/, dev-only) ------------------------------------------
# `make bench`: generated data (BENCH_SCALE 1 ≈ a federal state) on PostgreSQL + Redis,
# gunicorn with 2 workers, every key page against the bare view; writes var/bench/report.json.
# The database is kept and reused for the same scale and seed. Shorter: BENCH_SECONDS=1.
BENCH_SCALE ?= 1
BENCH_SEED ?= 1
BENCH_SECONDS ?= 5
BENCH_PORT ?= 8102
BENCH_POSTGRES ?= postgres://postgres@127.0.0.1:5432
BENCH_DATABASE_URL ?= $(BENCH_POSTGRES)/portal_bench_$(subst .,_,$(BENCH_SCALE))_$(BENCH_SEED)
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/2
BENCH_ENV = DJANGO_SETTINGS_MODULE=config.settings.bench DATABASE_URL=$(BENCH_DATABASE_URL) \
	REDIS_URL=$(BENCH_REDIS_URL) SITE_URL=http://127.0.0.1:$(BENCH_PORT)
BENCH_ARGS ?=

bench: install-dev
	$(BENCH_ENV) $(BIN)/python -m bench.database
	$(BENCH_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(BENCH_ENV) $(BIN)/python manage.py generate_data --scale $(BENCH_SCALE) --seed $(BENCH_SEED)
	$(BENCH_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(BENCH_ENV) $(BIN)/python -m bench.run --port $(BENCH_PORT) --seconds $(BENCH_SECONDS) \
	  $(BENCH_ARGS)

# `make loadtest`: 200 simulated people browse, register, cancel and answer polls for 2 minutes
# (locust, headless, loopback) against gunicorn + a worker; fails on any error response, any
# meeting over its seats, any mail not sent exactly once. A fresh database each time.
LOADTEST_SCALE ?= 0.1
LOADTEST_USERS ?= 200
LOADTEST_SECONDS ?= 120
CHECK_REDIS_URL ?= redis://127.0.0.1:6379/3
LOADTEST_ENV = DJANGO_SETTINGS_MODULE=config.settings.bench REDIS_URL=$(CHECK_REDIS_URL) \
	DATABASE_URL=$(BENCH_POSTGRES)/portal_bench_loadtest

loadtest: install-dev
	$(LOADTEST_ENV) $(BIN)/python -m bench.database --fresh
	$(LOADTEST_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(LOADTEST_ENV) $(BIN)/python manage.py generate_data --scale $(LOADTEST_SCALE)
	$(LOADTEST_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(LOADTEST_ENV) $(BIN)/python -m bench.loadtest --users $(LOADTEST_USERS) \
	  --seconds $(LOADTEST_SECONDS) --port 8103

# `make scaleout`: two gunicorn instances, two Celery workers and one beat (then a second beat)
# on one PostgreSQL and one Redis: sessions across instances, invitations and reminders once.
SCALEOUT_ENV = DJANGO_SETTINGS_MODULE=config.settings.bench REDIS_URL=$(CHECK_REDIS_URL) \
	DATABASE_URL=$(BENCH_POSTGRES)/portal_bench_scaleout

scaleout: install-dev
	$(SCALEOUT_ENV) $(BIN)/python -m bench.database --fresh
	$(SCALEOUT_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(SCALEOUT_ENV) $(BIN)/python manage.py generate_data --scale 0.02
	$(SCALEOUT_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(SCALEOUT_ENV) $(BIN)/python -m bench.scaleout --ports 8105,8106
