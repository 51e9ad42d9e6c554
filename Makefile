# dlkata: `make demo` shows the grader at work, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DLKATA := $(VENV)/bin/dlkata
DEMO_DIR := .dlkata-demo

.PHONY: help demo test lint bench install install-test clean

help:
	@echo "make demo    create .venv, install dlkata, and grade a stub and the reference solution"
	@echo "make test    install with the test extras (torch included) and run the whole suite"
	@echo "make lint    ruff check and format check"
	@echo "make bench   time --help, one kata and check --all on this machine"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --upgrade pip
	$(PY) -m pip install -qq -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -qq -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	@rm -rf $(DEMO_DIR)
	@echo "\n$$ dlkata new linear --dir $(DEMO_DIR)"
	@$(DLKATA) new linear --dir $(DEMO_DIR)
	@echo "\n$$ dlkata check linear --dir $(DEMO_DIR)      # the untouched stub"
	@$(DLKATA) check linear --dir $(DEMO_DIR) || true
	@echo "\n$$ dlkata check linear --file reference/linear.py      # the reference solution"
	@$(DLKATA) check linear --file reference/linear.py
	@rm -rf $(DEMO_DIR)

test: install-test
	$(VENV)/bin/ruff check dlkata reference tests katas
	$(PY) -m pytest -q -n 2

lint: install-test
	$(VENV)/bin/ruff check dlkata reference tests katas
	$(VENV)/bin/ruff format --check dlkata

bench: install
	$(PY) -m benchmarks.bench

clean:
	rm -rf $(VENV) $(DEMO_DIR) build dist *.egg-info
