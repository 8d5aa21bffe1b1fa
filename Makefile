# gimatch: the two commands of the README, plus benchmarks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := $(VENV)/demo.db

.PHONY: demo test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs gimatch as a user would (a real wheel install, not editable), builds a store from the
# bundled datasets (as the default store is built) and runs a few real checks, then imports one
# register file. Exit code 1 from check means "conflict found".
demo: $(BIN)/python
	$(BIN)/pip install --quiet .
	rm -f $(DEMO_DB)
	GIMATCH_DB=$(DEMO_DB) $(BIN)/gimatch registers
	$(BIN)/gimatch --db $(DEMO_DB) check "Parma ham" || [ $$? -eq 1 ]
	$(BIN)/gimatch --db $(DEMO_DB) check 龙井茶 || [ $$? -eq 1 ]
	$(BIN)/gimatch --db $(DEMO_DB) check "Roquefort-type cheese" || [ $$? -eq 1 ]
	$(BIN)/gimatch --db $(DEMO_DB) check "Sunshine Valley apple juice" || [ $$? -eq 1 ]
	$(BIN)/gimatch --db $(DEMO_DB) check Cambozola --territory EU || [ $$? -eq 1 ]
	$(BIN)/gimatch --db $(DEMO_DB) check "Napa Valley" --territory US || [ $$? -eq 1 ]
	$(BIN)/gimatch --db $(DEMO_DB) show "agreement.china_eu:III/郫县豆瓣"
	@if [ -f $(SHARED)/registers/eu/eambrosia_api-v1_modified-2020-01_to_2022-03.json ]; then \
	  $(BIN)/gimatch --db $(DEMO_DB) import eu $(SHARED)/registers/eu/eambrosia_api-v1_modified-2020-01_to_2022-03.json; \
	else echo "($(SHARED) not found: no register file to import)"; fi

# Editable install with the test extras; fails when no test ran (pytest exit 5).
test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m pytest -q

# The matching evaluation (eval/README.md): recall by slice, script and kind on the independent cases,
# false alarms on real names, the dev set, perturbed register names and the lexicon's coverage.
# PART=heldout measures the held-out part (once, at the end of a piece of work).
PART ?= dev
eval: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/eval.db
	$(BIN)/python eval/run.py --part $(PART)

bench: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info
