# Two entry points for a fresh machine with only Python: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Findings make `contentlint check` exit 1; only a usage error (2) fails `make run`.
run: $(STAMP)
	$(BIN)/contentlint check seeds; rc=$$?; [ $$rc -le 1 ]
	$(BIN)/contentlint check seeds --format json --output reports/findings.json; rc=$$?; [ $$rc -le 1 ]
	$(BIN)/contentlint check seeds --format sarif --output reports/findings.sarif; rc=$$?; [ $$rc -le 1 ]
	$(BIN)/contentlint report seeds --output reports/index.html

# The HTML report tests drive Debian's Chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed (needs root and apt-get): the browser tests will be skipped"; fi; }
	@# every script of the report readable: Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai (core), CJK
	@dpkg -s fonts-noto-core fonts-noto-cjk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's Noto fonts for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core fonts-noto-cjk >/dev/null; \
	  else echo "Noto fonts are not installed (needs root and apt-get): some scripts may show as boxes"; fi; }
	@# the accessibility test injects axe-core (npm) into the report in Chromium
	@test -f tests/.node/node_modules/axe-core/axe.min.js || { \
	  if command -v npm >/dev/null 2>&1; then \
	    echo "installing axe-core for the accessibility test"; \
	    npm install --silent --no-audit --no-fund --prefix tests/.node axe-core@4 >/dev/null \
	      || echo "axe-core could not be installed: the accessibility test will be skipped"; \
	  else echo "npm is not installed: the accessibility test will be skipped"; fi; }

test: $(STAMP) browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .contentlint_cache
