# Quick start: `make run` (the portal with worker and scheduler) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install install-dev run test lint format messages demo clean

DEV_STAMP := $(VENV)/.installed-dev-stamp

# `make run` needs only the runtime dependencies; the test tools (Playwright …) come with
# the targets that use them, so a first `make run` is quicker.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet .
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Starting web server, Celery worker and beat at http://127.0.0.1:8000 (Ctrl-C stops all three)"
	$(BIN)/honcho -f Procfile.dev start

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Update the German catalogues after changing user-facing strings.
messages: install-dev
	for app in core providers network meetings notifications; do \
	  (cd $$app && ../$(BIN)/python ../manage.py makemessages -l de -l en --no-obsolete); done
	# The project catalogue (locale/): templates/ and config/. 'app/?*' skips an app's own files
	# but not templates/<app>/ (a bare 'app' would match both).
	$(BIN)/python manage.py makemessages -l de -l en --no-obsolete --ignore=.venv --ignore=var \
	  --ignore=build --ignore=tests --ignore=static --ignore=locale --ignore='*.egg-info' \
	  --ignore='core/?*' --ignore='providers/?*' --ignore='network/?*' --ignore='meetings/?*' \
	  --ignore='notifications/?*'
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf var/db.sqlite3 var/broker var/celery-results var/mail var/cache
