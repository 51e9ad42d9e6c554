# dlkata: `make demo` shows the grader at work, `make test` runs the whole suite; `make help`
# lists every target. Each install step says what it installs before it starts.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DLKATA := $(VENV)/bin/dlkata
DEMO_DIR := .dlkata-demo
# the lowest versions pyproject.toml allows, for `make test-min`
VENV_MIN := .venv-min
PY_MIN := $(VENV_MIN)/bin/python
# PyTorch for the tests: the CPU build pinned in requirements/torch-cpu.txt, from this index
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
TORCH_PIN := requirements/torch-cpu.txt
LINTED := dlkata reference tests katas scripts
STEP = @printf '==> %s\n'

.PHONY: help demo test test-min lint bench install install-test clean

help: ## list these targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "make %-13s %s\n", $$1, $$2}' \
		$(firstword $(MAKEFILE_LIST))

# $(call new_venv,FOLDER): a virtual environment with a current pip
define new_venv
	$(STEP) "Creating the virtual environment $(1) with $(PYTHON)"
	@$(PYTHON) -m venv $(1)
	$(STEP) "Upgrading pip in $(1)"
	@$(1)/bin/python -m pip install --quiet --upgrade pip
endef

# $(call install_torch,PYTHON): the pinned CPU build; a copy that pip's find-links hold is used
# without asking any index (an unreachable index costs pip's retries, seconds per package)
define install_torch
	$(STEP) "Installing PyTorch, CPU build ($$(grep -v '^#' $(TORCH_PIN))), for the tests: the largest download (about 200 MB)"
	@$(1) -m pip install --quiet --no-deps --no-index -r $(TORCH_PIN) 2>/dev/null \
		|| $(1) -m pip install --quiet --no-deps --index-url $(TORCH_INDEX) -r $(TORCH_PIN)
endef

$(VENV)/.installed: pyproject.toml
	$(call new_venv,$(VENV))
	$(STEP) "Installing dlkata (editable) with numpy, typer, rich, pytest and pyyaml into $(VENV)"
	@$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed $(TORCH_PIN)
	$(call install_torch,$(PY))
	$(STEP) "Installing the test extras: hypothesis, pytest-xdist, scipy, scikit-learn, ruff, hatchling (and PyTorch's own dependencies)"
	@$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

$(VENV_MIN)/.installed: pyproject.toml $(TORCH_PIN) scripts/lowest_constraints.py
	$(call new_venv,$(VENV_MIN))
	$(STEP) "Pinning every dependency that pyproject.toml declares to its floor"
	@$(PY_MIN) scripts/lowest_constraints.py > $(VENV_MIN)/constraints.txt
	@grep -v '^#' $(VENV_MIN)/constraints.txt | paste -sd ' ' | sed 's/^/    /'
	$(call install_torch,$(PY_MIN))
	$(STEP) "Installing dlkata and its test extras at those floors into $(VENV_MIN)"
	@$(PY_MIN) -m pip install --quiet -c $(VENV_MIN)/constraints.txt -e ".[test]"
	@touch $@

install: $(VENV)/.installed ## create .venv and install dlkata into it (then: .venv/bin/dlkata)
install-test: $(VENV)/.installed-test ## install the test extras too (PyTorch CPU included)

demo: install ## install, then grade an untouched stub and the reference solution
	@rm -rf $(DEMO_DIR)
	@echo "\n$$ dlkata new linear --dir $(DEMO_DIR)"
	@$(DLKATA) new linear --dir $(DEMO_DIR)
	@echo "\n$$ dlkata check linear --dir $(DEMO_DIR)      # the untouched stub"
	@$(DLKATA) check linear --dir $(DEMO_DIR) || true
	@echo "\n$$ dlkata check linear --file reference/linear.py      # the reference solution"
	@$(DLKATA) check linear --file reference/linear.py
	@rm -rf $(DEMO_DIR)
	@echo "\ndlkata is installed in $(VENV): run .venv/bin/dlkata, or first \`. .venv/bin/activate\`."

test: install-test ## lint, then run the whole suite on two cores (about 12 minutes)
	$(VENV)/bin/ruff check $(LINTED)
	$(PY) -m pytest -q -n 2

test-min: $(VENV_MIN)/.installed ## the suite at the lowest dependency versions declared (no PyTorch cross-checks)
	$(VENV_MIN)/bin/ruff check $(LINTED)
	$(PY_MIN) -m pytest -q -n 2 --ignore=tests/reference

lint: install-test ## ruff check and format check
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check dlkata scripts

bench: install ## time --help, one kata and check --all on this machine
	$(PY) -m benchmarks.bench

clean: ## remove the virtual environments, the demo folder and build output
	rm -rf $(VENV) $(VENV_MIN) $(DEMO_DIR) build dist *.egg-info
