# Quick start: `make run` (the portal with worker and scheduler) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint format messages demo clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Starting web server, Celery worker and beat at http://127.0.0.1:8000 (Ctrl-C stops all three)"
	$(BIN)/honcho -f Procfile.dev start

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Update the German catalogues after changing user-facing strings.
messages: install
	for app in core providers network meetings notifications; do \
	  (cd $$app && ../$(BIN)/python ../manage.py makemessages -l de -l en --no-obsolete); done
	$(BIN)/python manage.py makemessages -l de -l en --no-obsolete --ignore='*/*' --ignore='.venv' \
	  --ignore='var' || true
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf var/db.sqlite3 var/broker var/celery-results var/mail var/cache
