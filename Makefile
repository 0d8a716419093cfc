# Newsroom: `make run` to try it, `make test` to test it.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# The first Python >= 3.12 on this machine (pyenv shims included), or a clear stop.
FIND_PYTHON := for p in python3.14 python3.13 python3.12 python3 python; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
		command -v $$p; break; fi; done

.PHONY: run test lint format messages check bench clean

$(STAMP): pyproject.toml
	@PYTHON="$${PYTHON:-$$($(FIND_PYTHON))}"; \
	if [ -z "$$PYTHON" ]; then \
		echo "Newsroom needs Python 3.12 or newer, and none was found on PATH." >&2; \
		echo "Install one (e.g. 'pyenv install 3.13') or run: make PYTHON=/path/to/python3.12 run" >&2; \
		exit 1; fi; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		rm -rf $(VENV); echo "Creating $(VENV) with $$PYTHON"; "$$PYTHON" -m venv $(VENV) || exit 1; fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddemo
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the Dutch catalogue after changing interface strings, then translate it.
messages: $(STAMP)
	$(PY) manage.py makemessages --locale nl --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*'
	$(PY) manage.py compilemessages --locale nl --ignore '.venv/*'

bench: $(STAMP)
	$(PY) -m newsroom.bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
