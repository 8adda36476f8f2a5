# autoglm-ui: the two commands of the README (`make demo`, `make test`) and what they need.
# Each target installs what is missing and reuses what is there: a second run takes seconds.
SHELL := /bin/bash
VENV  ?= .venv
PY    := $(VENV)/bin/python
STAMP := $(VENV)/.autoglm-ui-installed
TORCH ?= torch==2.13.0
VENDOR := fixtures/vendor
REALSET := fixtures/realset
PYTEST_ARGS ?=
# @carbon/* and @ibm/* packages run IBM's telemetry collector after `npm ci` on CI machines; its
# documented opt-out (node_modules/@ibm/telemetry-js, notify.js) is this variable.
export IBM_TELEMETRY_DISABLED := true

.PHONY: demo test test-all setup browser css realset lint bench clean-venv

demo: setup  ## The main job: the example suite against the bundled demo app, default release
	$(PY) -m autoglm_ui.cli.main demo

test: setup  ## The test suite (slow training tests excluded unless AUTOGLM_UI_SLOW=1)
	$(PY) -m pytest $(PYTEST_ARGS)

test-all: setup
	AUTOGLM_UI_SLOW=1 $(PY) -m pytest $(PYTEST_ARGS)

setup: $(STAMP) browser css realset

$(STAMP): pyproject.toml
	@command -v python3 >/dev/null || { echo "python3 is required (Debian: apt-get install -y python3 python3-venv)"; exit 1; }
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)"
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

browser:
	@bash .ci/ensure-browser

css: $(VENDOR)/node_modules/.autoglm-ui-stamp
	@node $(VENDOR)/build-css.js  # Tailwind + daisyUI compiled for the synthetic pages; skips when fresh
	@node $(VENDOR)/build-wc.js   # esbuild bundles of the web-component libraries; skips when fresh

$(VENDOR)/node_modules/.autoglm-ui-stamp: $(VENDOR)/package.json $(VENDOR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is required for the CSS libraries (Debian: apt-get install -y npm)"; exit 1; }
	cd $(VENDOR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

realset: $(REALSET)/node_modules/.autoglm-ui-stamp  ## The six libraries of the real-library dev set (never trained on)
	@node $(REALSET)/build.js  # esbuild bundles of the web-component libraries; skips when fresh

$(REALSET)/node_modules/.autoglm-ui-stamp: $(REALSET)/package.json $(REALSET)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is required for the dev-set libraries (Debian: apt-get install -y npm)"; exit 1; }
	cd $(REALSET) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: setup
	$(VENV)/bin/ruff check autoglm_ui plugins tests conftest.py benchmarks fixtures/team-ui/build.py
	$(VENV)/bin/mypy

bench: setup  ## The benchmark scripts (benchmarks/README.md); never part of the test run
	$(PY) benchmarks/bench_capture.py
	$(PY) benchmarks/bench_model.py
	$(PY) benchmarks/bench_plugin.py

clean-venv:
	rm -rf $(VENV)
