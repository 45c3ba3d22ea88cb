# Convenantwerkplek — the two commands that matter: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: lock run test test-fast soak bench lint venv system-deps system-deps-window system-deps-test system-deps-bundle system-deps-screenshots translations forms bundle screenshots clean

# requirements.lock pins every transitive package (pip freeze of a known-good install);
# pyproject.toml pins the direct ones. `make lock` refreshes the lock after a deliberate upgrade.
$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

lock: $(STAMP)
	$(BIN)/pip freeze --exclude-editable | grep -v '^convenantwerkplek' > requirements.lock

venv: $(STAMP)

# Qt loads a few system libraries (EGL/GL, fontconfig; the xcb family for a real window).
# As root with apt-get they are installed; otherwise the command to install them is printed.
system-deps:
	@$(PY) tools/check_system_deps.py --install

system-deps-window:
	@$(PY) tools/check_system_deps.py --install --window

# The end-to-end tests (tests/e2e) also run D-Bus and GNOME Keyring: installed the same way.
system-deps-test:
	@$(PY) tools/check_system_deps.py --install --keyring

run: $(STAMP) system-deps-window
	$(BIN)/python -m desktop_app --demo

test: $(STAMP) system-deps-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The pure rules and the use cases only (no window, no CLI process, no crash harness): < 1 min.
test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/domain tests/services

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The kill harness (issue 15): SOAK_ROUNDS random SIGKILLs (default 240) spread over import,
# print, evidence add, backup, restore and passwd, with the invariants checked after each one.
# The suite runs the same test with 18 rounds.
SOAK_ROUNDS ?= 240
soak: $(STAMP)
	SOAK_ROUNDS=$(SOAK_ROUNDS) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s \
		-o timeout=0 tests/storage/test_soak.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy desktop_app bench
	$(BIN)/mypy -p tools.screenshots
	$(BIN)/lint-imports

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find desktop_app/gui -name '*.py' -not -path '*/forms/*') ui/*.ui \
		-no-obsolete -locations none -ts resources/translations/werkplek_en.ts
	$(BIN)/pyside6-lrelease resources/translations/werkplek_en.ts -qm resources/translations/werkplek_en.qm

forms: $(STAMP)
	for f in ui/*.ui; do $(BIN)/pyside6-uic $$f -o desktop_app/gui/forms/ui_$$(basename $$f .ui).py; done

# Then: its size and `werkplek version`'s time against their aims, every linked library present,
# `report verify` (PDF + signature stack) and the window signing in to a demo workspace offscreen.
# `make bundle` also trims the ICU data (tools/icu_trim.py: icupkg, binutils, gcc).
system-deps-bundle:
	@$(PY) tools/check_system_deps.py --install --bundle

bundle: $(STAMP) system-deps-bundle
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	$(BIN)/python tools/bundle_check.py dist/werkplek

# Screenshots for the README: a real window on a virtual X screen (xvfb, installed like the rest).
system-deps-screenshots:
	@$(PY) tools/check_system_deps.py --install --screenshots

# Each script builds its own throw-away demo workspace; the rest of docs/screenshots were taken
# by hand in an Xvfb walk (the README says which).
XVFB := xvfb-run -a -s "-screen 0 1400x900x24"
screenshots: $(STAMP) system-deps-screenshots
	$(XVFB) $(BIN)/python -m tools.screenshots docs/screenshots
	for script in queues reports requests workspace; do \
		$(XVFB) $(BIN)/python -m tools.screenshots.$$script docs/screenshots || exit 1; done
	$(XVFB) $(BIN)/python -m tools.screenshots.covenant docs/screenshots/covenant-register.png beheer
	$(XVFB) $(BIN)/python -m tools.screenshots.inspection docs/screenshots/inspection.png

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
