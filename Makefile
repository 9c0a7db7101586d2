# Two entry points for a fresh machine with only Python: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Findings make `contentlint check` exit 1; only a usage error (2) fails `make run`.
run: $(STAMP)
	$(BIN)/contentlint check seeds; rc=$$?; [ $$rc -le 1 ]
	$(BIN)/contentlint check seeds --format json --output reports/findings.json; rc=$$?; [ $$rc -le 1 ]

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .contentlint_cache
