# Governance Workbench: `make run` and `make test` set up everything they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

# Debian packages Qt needs offscreen (tests, screenshots) and in a real window.
QT_LIBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 \
	libglib2.0-0 libx11-6 libxcb1
WINDOW_LIBS := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1

.PHONY: run test lint bench translations clean system-deps-offscreen system-deps-window

run: system-deps-window $(VENV)/.installed $(QM)
	$(BIN)/workbench demo --if-empty
	$(BIN)/workbench

test: system-deps-offscreen $(VENV)/.installed-test $(QM)
	$(BIN)/ruff check workbench tests bench db
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check workbench tests bench db
	$(BIN)/lint-imports

bench: system-deps-offscreen $(VENV)/.installed-test $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Refresh the .ts sources from tr() calls in the UI (then translate and commit them).
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find workbench/ui -name '*.py' | sort) -no-obsolete -ts $(TS)

system-deps-offscreen:
	@sh packaging/system-deps.sh $(QT_LIBS)

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

resources/i18n/%.qm: resources/i18n/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

clean:
	rm -rf $(VENV) $(QM) build dist .pytest_cache .ruff_cache
