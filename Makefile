# Drenthe Digitaal. The two headline commands:
#   make serve   set up, build the site and serve it at http://127.0.0.1:8000
#   make test    set up everything the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: serve site check test test-fast bench bench-lighthouse bench-zensical clean setup lock

setup: $(VENV)/.installed node_modules/.installed

# The lock first, every file checked against its hash; then the project itself, without its
# dependencies and without build isolation (its backend, hatchling, is in the lock). Not editable:
# an editable install cannot be hash-checked. Scripts run from this folder import the working tree.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests; Playwright may not download its own browsers here.
/usr/bin/chromium:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null

# Java for the Nu Html Checker (npm vnu-jar), which checks every built page.
/usr/bin/java:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null

check: setup
	$(PY) build.py check

site: setup
	$(PY) build.py build --out site
	$(PY) build.py hosting --site site --out build/hosting

serve: site
	@echo "De site draait op http://127.0.0.1:$(PORT)/ (stop met Ctrl+C)"
	$(PY) -m sitegen.serve --dir site --port $(PORT) --gzip

# Debian's nginx: a test serves the built site with the nginx snippet of `build.py hosting` and compares its headers with _headers.
/usr/sbin/nginx:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx >/dev/null

# jq: the issue-form workflow filters pull requests with it; a test runs that job's shell.
/usr/bin/jq:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq jq >/dev/null

test: setup /usr/bin/chromium /usr/sbin/nginx /usr/bin/java /usr/bin/jq
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not browser and not pyodide and not nginx and not vnu"

bench: setup
	$(PY) bench/bench_build.py

bench-zensical: setup
	$(PY) bench/bench_zensical.py

# After a change to the dependencies in pyproject.toml (or bench/zensical.in): make the locks anew.
# uv comes from its own hashed lock into build/lock-venv; the locks keep the versions they have
# unless pyproject.toml asks otherwise (`make lock UPGRADE=--upgrade` takes the newest allowed).
LOCK_VENV := build/lock-venv
UV_COMPILE = $(LOCK_VENV)/bin/uv pip compile --universal --python-version 3.11 --generate-hashes --quiet $(UPGRADE)
lock:
	test -x $(LOCK_VENV)/bin/uv || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-uv.lock; }
	$(UV_COMPILE) pyproject.toml --all-extras -o requirements.lock
	$(UV_COMPILE) bench/zensical.in -o bench/zensical.lock
	$(UV_COMPILE) requirements-uv.in -o requirements-uv.lock

# Lighthouse (installed on first use into ~/.cache, not by npm ci) on the site served with gzip.
bench-lighthouse: setup /usr/bin/chromium
	$(PY) bench/bench_lighthouse.py

clean:
	rm -rf site build .pytest_cache
