# E-CATPERS: `make run` installs everything and serves the app with demo users;
# `make test` installs what the tests need and runs every test on SQLite and PostgreSQL.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
export ECATPERS_PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test install lint bench chromium postgres editor

# The diagram editor (bpmn-js Modeler, properties panel, our spiffworkflow extension) is
# bundled from web/editor/ with esbuild from npm into a git-ignored folder served locally.
EDITOR := web/static/vendor/editor

install: $(VENV)/.installed node_modules/.installed $(EDITOR)/main.js

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(EDITOR)/main.js: node_modules/.installed $(wildcard web/editor/*)
	node_modules/.bin/esbuild web/editor/main.js web/editor/editor.css \
	  web/editor/tables.js web/editor/tables.css web/editor/diff.js web/editor/diff.css \
	  web/editor/forms.js \
	  --bundle --minify \
	  --format=iife --target=es2020 --log-level=warning --outdir=$(EDITOR) \
	  --loader:.woff=dataurl --loader:.woff2=dataurl --loader:.ttf=dataurl \
	  --loader:.eot=dataurl --loader:.svg=dataurl

editor: $(EDITOR)/main.js

run: install chromium
	$(BIN)/flask --app web setup --demo
	@echo "E-CATPERS berjalan di http://$(HOST):$(PORT)"
	$(BIN)/flask --app web run --host $(HOST) --port $(PORT)

# The two databases run side by side (each suite waits on its database much of the time), so
# `make test` takes about as long as the slower one; SQLite's output follows PostgreSQL's.
test: install chromium postgres
	$(BIN)/ruff check .
	@log=$$(mktemp); \
	ECATPERS_TEST_DB=sqlite $(BIN)/pytest -q -p no:cacheprovider >$$log 2>&1 & sqlite=$$!; \
	echo "== PostgreSQL =="; ECATPERS_TEST_DB=postgresql $(BIN)/pytest -q -p no:cacheprovider; pg=$$?; \
	wait $$sqlite; lite=$$?; echo "== SQLite =="; cat $$log; rm -f $$log; \
	test $$pg = 0 && test $$lite = 0

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m bench.task_throughput
	$(BIN)/python -m bench.http_instances --postgres $(ECATPERS_PG_URL)
	$(BIN)/python -m bench.anev --sizes 20000 200000
	$(BIN)/python -m bench.personnel_import --postgres $(ECATPERS_PG_URL)
	$(BIN)/python -m bench.pages --sizes 20000 100000 --postgres $(ECATPERS_PG_URL)

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
# WeasyPrint needs HarfBuzz's subsetter to embed fonts in letters (without it every letter
# render warns, and the tests treat warnings as errors).
SYSTEM_PACKAGES := chromium fonts-dejavu-core libharfbuzz-subset0
chromium:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Paket sistem belum ada: jalankan 'sudo apt-get install $$missing'"; fi; fi

# Start the local PostgreSQL cluster when it is installed but down.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || { \
	  if command -v pg_ctlcluster >/dev/null; then \
	    pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -1) main start; sleep 2; \
	  else echo "PostgreSQL tidak terpasang: uji PostgreSQL akan dilewati (kecuali CI=true)"; fi; }
