# Newsroom: `make run` to try it, `make test` to test it.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# make run PORT=8010 serves there (and the printed demo links say so)
PORT ?= 8000

# The first Python >= 3.12 on this machine (pyenv shims included), or a clear stop.
FIND_PYTHON := for p in python3.14 python3.13 python3.12 python3 python; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
		command -v $$p; break; fi; done

.PHONY: run test test-slow backup restore lint format messages check bench clean

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

# The task worker (db_worker) runs beside runserver and is stopped with it.
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddemo --base-url http://127.0.0.1:$(PORT)
	@$(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

# Fault tests (a PostgreSQL cluster of their own restarted under load, ...): minutes each.
test-slow: $(STAMP)
	$(PY) -m pytest -m slow $(PYTEST_ARGS)

# The database (pg_dump custom format, or a SQLite copy) and media/ in one timestamped tar.
backup: $(STAMP)
	$(PY) manage.py backup --dir "$(or $(DIR),backups)"

restore: $(STAMP)
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=backups/newsroom-<time>.tar" >&2; exit 2; }
	$(PY) manage.py restore "$(FILE)"

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

# Load test on production settings against a throwaway PostgreSQL database of N updates
# (default 10,000), gunicorn, Redis and wrk on 127.0.0.1; prints one table. Not run in CI.
bench: $(STAMP)
	$(PY) -m newsroom.bench $(if $(N),--updates $(N))

# Cached pages and 304s against a static file, under gunicorn -w 2 and wrk (apt-get install wrk).
.PHONY: bench-cache
bench-cache: $(STAMP)
	$(PY) -m newsroom.benchmarks.cache

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
