# Everything the project needs is installed by these targets; `make serve` and
# `make test` work on a fresh Debian 12 machine with Python 3.11 and Node 20.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
# Material's notice about its end of life and MkDocs 2.0, printed before every build: the
# plan is in CONTRIBUTING.md ("The site generator"), so contributors need not see it.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve build test test-random test-snippets stress bench update-examples lint clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The project's own packages (site_hooks, timeline) are importable in the venv through a
# .pth file: MkDocs loads hooks by path, and they import each other by package name.
$(VENV)/.project-on-path: $(BIN)/.installed
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "python_threading_hands_on.pth").write_text("$(CURDIR)\n")'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browsers the tests drive, all from Debian: Chromium and Firefox ESR (both with
# JSPI), and WebKitGTK's WebDriver with a virtual screen (an engine without JSPI, as
# Safari before 27). As root directly, otherwise through sudo (as on CI runners).
BROWSERS := $(CHROMIUM) /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/xvfb-run
BROWSER_PACKAGES := chromium firefox-esr webkit2gtk-driver xvfb xauth

$(BROWSERS):
	@if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; \
	else echo "$@ is missing: install $(BROWSER_PACKAGES) as root"; exit 1; fi; \
	$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null

# The race watcher's tests run the runtime on a Python with sys.monitoring and the
# thread API the runtime implements (3.13+), in a venv of its own with greenlet (tests/unit/webthreads/test_race_watch.py): made from
# the first such Python on PATH, else under pyenv.
MONITORING_VENV := .venv-monitoring
NEWER_PYTHONS := python3.14 python3.13 $(sort $(wildcard $(HOME)/.pyenv/versions/3.1[3-9]*/bin/python3))

$(MONITORING_VENV)/.installed: requirements.lock
	@for python in $(NEWER_PYTHONS); do \
	  if $$python -c 'import sys; sys.exit(sys.version_info < (3, 13))' 2>/dev/null; then \
	    $$python -m venv $(MONITORING_VENV) && exit 0; fi; done; \
	echo "No Python 3.13 or later found (on PATH or under ~/.pyenv): the race watcher's tests need one"; exit 1
	$(MONITORING_VENV)/bin/pip install --quiet --disable-pip-version-check "$$(grep '^greenlet==' requirements.lock)"
	touch $@

# What the site needs to build and serve; the browsers come only with the tests.
SITE_SETUP := $(VENV)/.project-on-path node_modules/.installed

setup: $(SITE_SETUP) $(BROWSERS) $(MONITORING_VENV)/.installed  ## Install everything (Python venvs, npm packages, the browsers)

serve: $(SITE_SETUP)  ## Serve the site at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(SITE_SETUP)  ## Build the site into site/
	$(BIN)/mkdocs build --strict

test: setup  ## Run every test: snippets, pages, build, workflows, browser
	$(BIN)/pytest

test-random: setup  ## Run every test in a shuffled order; SEED=N replays a run's order
	$(BIN)/pytest -p randomly $(if $(SEED),--randomly-seed=$(SEED))

test-snippets: $(SITE_SETUP)  ## Run only the snippet tests
	$(BIN)/pytest tests/test_snippets.py

update-examples: $(SITE_SETUP)  ## Rewrite the `#>` output comments from real runs
	$(BIN)/pytest tests/test_snippets.py --update-examples

stress: $(SITE_SETUP)  ## Run the snippet tests 20 times in a row with both cores busy
	$(BIN)/python tests/stress.py --runs 20

bench: setup  ## Time the in-browser runner against CPython, and its schedules (not part of `make test`)
	$(BIN)/python bench/browser_bench.py
	$(BIN)/python bench/schedule_bench.py
	$(BIN)/python bench/step_bench.py
	$(BIN)/python bench/race_check_bench.py

lint: $(SITE_SETUP)  ## Lint the project's Python
	$(BIN)/ruff check .

clean:  ## Remove what the build and setup made
	rm -rf site build .cache $(VENV) $(MONITORING_VENV) node_modules .pytest_cache .ruff_cache
