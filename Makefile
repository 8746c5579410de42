# Two commands do everything:  make run  (set up and serve the demo)  and  make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app web

.PHONY: run test install install-test translations i18n-update migrate seed worker bench services-stop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed translations
install-test: $(VENV)/.installed-test translations

translations: $(VENV)/.installed
	$(BIN)/pybabel compile -d web/translations -f

# After changing user-facing strings: refresh the catalogue, then translate the new entries.
i18n-update: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location -o web/translations/messages.pot .
	$(BIN)/pybabel update -i web/translations/messages.pot -d web/translations --no-fuzzy-matching

migrate: install
	$(FLASK) db upgrade

seed: migrate
	$(FLASK) seed-demo --if-empty

run: seed
	$(FLASK) run --host 127.0.0.1 --port 5000

worker: install
	$(BIN)/celery -A workers worker --loglevel=info

test: install-test
	@scripts/browser-deps.sh
	@eval "$$(scripts/services.sh)" && \
	  JOBBRO_REQUIRE_SERVICES=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m matcher.bench

services-stop:
	scripts/services.sh stop

clean: services-stop
	rm -rf $(VENV) .pytest_cache .hypothesis .services
