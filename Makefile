# Convenantwerkplek — the two commands that matter: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test bench lint typecheck venv system-deps translations forms bundle clean screenshots

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# Qt's xcb platform plugin needs a few system libraries to open a window on Linux.
system-deps:
	@$(PY) tools/check_system_deps.py

run: $(STAMP) system-deps
	$(BIN)/python -m desktop_app --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:randomly

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy desktop_app
	$(BIN)/lint-imports

translations: $(STAMP)
	$(BIN)/pyside6-lupdate desktop_app/gui -extensions py -ts resources/translations/werkplek_en.ts
	$(BIN)/pyside6-lrelease resources/translations/werkplek_en.ts -qm resources/translations/werkplek_en.qm

forms: $(STAMP)
	for f in ui/*.ui; do $(BIN)/pyside6-uic $$f -o desktop_app/gui/forms/ui_$$(basename $$f .ui).py; done

bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	./dist/werkplek/werkplek version

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
