# The README's two commands are `make run` and `make test`; CI runs `make test` too.
# Both bootstrap .venv from nothing but Python 3.11, pip and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run build serve test lint typecheck unit bench pictures screenshots clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

run: install  ## build the graph from the bundled data and serve http://127.0.0.1:8000
	$(BIN)/rsg build
	$(BIN)/rsg serve

build: install
	$(BIN)/rsg build

serve: install
	$(BIN)/rsg serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports  # layers and no import circles: [tool.importlinter] in pyproject.toml

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit  ## every quality gate; what CI runs

TIER ?= S
bench: install  ## benchmarks of one tier (S by default, under 5 minutes; TIER=M or TIER=L for more) -> bench/RESULTS.md
	$(BIN)/python -m bench run --tier $(TIER)

pictures: install  ## the pictures of docs/views.md, one per view kind -> docs/img/
	$(BIN)/python -m tools.gallery

screenshots: install  ## pictures of the workbench pages for docs/workbench.md -> docs/img/workbench/
	$(BIN)/python -m tools.screenshots

clean:
	-$(BIN)/rsg store stop
	rm -rf $(VENV) .rsg .mypy_cache .pytest_cache .ruff_cache
