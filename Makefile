# Governance Workbench: `make run` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/i18n/*.ts)

# Debian packages Qt needs offscreen (tests, screenshots) and in a real window.
QT_LIBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 \
	libglib2.0-0 libx11-6 libxcb1
WINDOW_LIBS := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
# The PostgreSQL server tests/pg starts privately (initdb, pg_ctl); only make test needs it.
PG_SERVER := postgresql
# pdftotext, pdffonts, pdfimages: the report tests read the PDFs back with them.
PDF_TOOLS := poppler-utils
# LibreOffice Calc, headless: a test imports a workbook every byte of which it wrote.
OFFICE := libreoffice-calc-nogui

.PHONY: run test lint bench translations clean system-deps-offscreen system-deps-window \
	system-deps-test

run: system-deps-window $(VENV)/.installed
	$(BIN)/workbench demo --if-empty
	$(BIN)/workbench

test: system-deps-test $(VENV)/.installed-test
	$(BIN)/ruff check workbench tests bench db
	$(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check workbench tests bench db
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: system-deps-offscreen $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Refresh the .ts sources from tr() calls in the UI and compile them to the .qm files the
# program loads. Both are committed, so `pip install .` needs no Qt tools; a test fails
# when a .qm is older than its .ts. Translate new entries in the .ts, then run this again.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find workbench/ui -name '*.py' | sort) -no-obsolete -locations none -ts $(TS)
	for ts in $(TS); do $(BIN)/pyside6-lrelease -silent $$ts -qm $${ts%.ts}.qm || exit 1; done

system-deps-offscreen:
	@sh packaging/system-deps.sh $(QT_LIBS)

system-deps-test:
	@sh packaging/system-deps.sh $(QT_LIBS) $(PG_SERVER) $(PDF_TOOLS) $(OFFICE)

system-deps-window:
	@sh packaging/system-deps.sh $(QT_LIBS) $(WINDOW_LIBS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { sh packaging/system-deps.sh python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
