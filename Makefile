# Quick start: `make run` (the portal with worker and scheduler) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-local install-dev lock run test lint format messages demo clean

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
