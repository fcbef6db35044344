# Mreža: `make run` serves the demo network, `make test` runs the whole suite.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PORT ?= 8000
# Two workers (pytest-xdist): the suite is about a third faster on a 2-core machine.
PYTEST_ARGS ?= -n 2

.PHONY: install run test lint format demo clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
	$(PY) manage.py compile_translations

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_network --port $(PORT)

run: demo
	@echo "Serving the demo network on http://localhost:$(PORT)/ (see README for the sites and logins)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# pytest exits 5 when it collects no tests: that is a failure here, not a pass.
test: install
	$(VENV)/bin/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$status

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles
