# The two commands of the README. Both make the virtual environment themselves.
#   make demo   builds the example decks and says where they are
#   make test   runs the whole test suite
# On Windows without make: py -m venv .venv, .venv\Scripts\pip install -e .[test], then
# .venv\Scripts\python examples\demo.py or .venv\Scripts\python -m pytest.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.pcpv-installed

.PHONY: demo test lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

test: $(STAMP)
	$(BIN)/ruff check pcpv tests bench examples
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check pcpv tests bench examples
	$(BIN)/ruff format --check pcpv tests bench examples

format: $(STAMP)
	$(BIN)/ruff format pcpv tests bench examples
	$(BIN)/ruff check --fix pcpv tests bench examples

clean:
	rm -rf $(VENV) out tests/output .pytest_cache
