# `make demo` and `make test` bootstrap a fresh machine: .venv, CPU torch first, the package
# with its dev extras, Tesseract (apt, when root). Re-running skips what is already there.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.claimdex-installed
DEMO_DB := demo/claimdex-demo.db

.PHONY: setup demo test lint bench tesseract clean

setup: $(STAMP) tesseract

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

tesseract:
	@if command -v tesseract >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing tesseract-ocr with apt-get..."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr >/dev/null) \
		|| echo "Could not install tesseract-ocr; carrying on without OCR."; \
	else \
		echo "Tesseract is not installed: scanned pages will not be read."; \
		echo "Install it with: sudo apt-get install tesseract-ocr"; \
	fi

demo: setup
	@mkdir -p demo && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/claimdex ingest corpus_samples --db $(DEMO_DB) || true
	$(VENV)/bin/claimdex search "suitable duties" --db $(DEMO_DB) --limit 5
	$(VENV)/bin/claimdex check --db $(DEMO_DB)
	$(VENV)/bin/claimdex summary --db $(DEMO_DB) --claim C31756818 --format md --out demo/C31756818-summary.md
	$(VENV)/bin/claimdex summary --db $(DEMO_DB) --claim C31756818 --format html --out demo/C31756818-summary.html
	@echo "Summaries written to demo/C31756818-summary.md and .html"

test: setup
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check src tests bench cli.py

bench: setup
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) demo
