# The two commands of the README: `make run` and `make test`. Everything installs itself.
SHELL := /bin/bash
# PySide6 6.12 crashes on CPython 3.11: prefer 3.12 (pyenv's too), else 3.13, else python3
# (on 3.11 pyproject.toml pins PySide6 6.11.3).
PYTHON ?= $(shell for p in python3.12 $(HOME)/.pyenv/versions/3.12.1/bin/python3 python3.13 \
	$(HOME)/.pyenv/versions/3.13.0/bin/python3 python3; do \
	$$p -c 'import sys' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export OFFA_TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: install run test soak scan-proof bench lint bundle bundle-check clean

install: $(STAMP)

# pip's own output (hundreds of lines of build warnings) goes to .venv/install.log; what is
# being done is said in one line, and the log's end only when something failed.
$(STAMP): pyproject.toml setup.py
	@test -n "$(PYTHON)" || { echo "Python 3.12 (ou 3.13, 3.11) introuvable : installez-le," \
		"par ex. « sudo apt-get install -y python3 python3-venv »."; exit 1; }
	@echo "Préparation de l'environnement Python dans $(VENV) (une seule fois, 1 à 3 minutes)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Création de $(VENV)" \
		"impossible : « sudo apt-get install -y python3-venv » puis relancez."; exit 1; }
	@{ $(BIN)/python -m pip install -q --upgrade pip && \
	   $(BIN)/python -m pip install -q -e '.[test,bundle]'; } > $(VENV)/install.log 2>&1 || \
	 { echo "L'installation a échoué ; la fin du journal ($(VENV)/install.log) :"; \
	   tail -n 25 $(VENV)/install.log; exit 1; }
	@touch $(STAMP)
	@echo "Environnement Python prêt."

run: $(STAMP)
	@bash tools/qt_runtime.sh
	@echo "Démarrage sur le serveur de démonstration intégré (comptes : menu Aide)…"
	@$(BIN)/offa-desktop --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Issue 12's long proofs: 2,000 examples of the three-client model test and 2,000 kill -9 runs
# (hours on a laptop); each prints its counts. Smaller counts for a try:
# make soak OFFA_SOAK_EXAMPLES=50 OFFA_SOAK_KILL_RUNS=100
soak: $(STAMP)
	OFFA_SOAK=1 OFFA_SOAK_EXAMPLES=$(or $(OFFA_SOAK_EXAMPLES),2000) \
	OFFA_SOAK_KILL_RUNS=$(or $(OFFA_SOAK_KILL_RUNS),2000) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s --timeout=0 \
		tests/sync/test_model.py::test_three_clients_model_soak \
		tests/sync/test_kill.py::test_kill_9_soak

# Issue 17's proof: 50 contract packs printed, scanned at 150 dpi, degraded and imported; prints
# the matching rate and every page left for a person (make test does 12 packs; CI does 50).
scan-proof: $(STAMP)
	OFFA_SCAN_PACKS=50 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		tests/scans/test_scan_matching.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run

# How cost grows: store, window and sync benchmarks on 10,000, 100,000 and 1,000,000 contracts,
# the table of the three sizes and the growth targets. The copies are built once and kept
# (.bench-cache/wc-N, shared by the store and window benchmarks; the sync server's in
# ~/.cache/offa-bench). The 1M server database: 110 s of CPU (tests/benchmarks/server_copy.py).
# The 1M working copy (the demo fill, ~5.1 million records, committed every 100,000, its indexes
# built at the end): 10-14 s of CPU per 100,000 records, flat (see tests/benchmarks/large.py);
# on a loaded shared machine it takes hours of wall time: build it once. OFFA_BENCH_LARGE_KEEP,
# _MODULES, _TABLE_ONLY run it in parts; OFFA_BENCH_LARGE_SIZES=1000,10000 for a quick look;
# bench-large-results.json is written after each size.
bench-large: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.large

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy offa_desktop sync
	$(BIN)/lint-imports --no-cache

bundle: $(STAMP)
	@start=$$(date +%s); $(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec && \
	echo "bundle: dist/offa-desktop built in $$(( $$(date +%s) - start )) s," \
	"$$(du -sh dist/offa-desktop | cut -f1)"

bundle-check: bundle
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bundle_check dist/offa-desktop

clean:
	rm -rf build dist *.egg-info
