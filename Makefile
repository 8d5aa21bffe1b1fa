# gimatch: the two commands of the README, plus benchmarks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := $(VENV)/demo.db

.PHONY: demo test test-spark fuzz browser-test eval bench clean

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

# gimatch.spark in Spark local mode (needs Java): installs the spark extra.
test-spark: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[spark]'
	$(BIN)/python -m pytest -q -p no:cacheprovider tests_spark

# Fuzzing with hypothesis (fuzz/): random and mutated bytes to every register reader, random text to check
# and normalize; a fixed, derandomized budget (FUZZ_EXAMPLES per target).
FUZZ_EXAMPLES ?= 1000
fuzz: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[fuzz]'
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider fuzz

# The agreement report in a real headless browser: installs Debian's chromium and the CJK and Thai fonts
# (apt-get, as root or through sudo) when missing, renders both languages, checks what is drawn and keeps a
# screenshot of each in build/screenshots/.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-test: $(BIN)/python
	command -v chromium >/dev/null || ($(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk fonts-thai-tlwg)
	$(BIN)/pip install --quiet -e '.[test]'
	mkdir -p build/screenshots
	GIMATCH_SCREENSHOTS=build/screenshots $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_report_browser.py

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
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/scan_bench.py
	$(BIN)/python benchmarks/import_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info
