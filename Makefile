# Hankesalkku: `make demo` starts the demo, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	HANKESALKKU_DEMO=1 $(BIN)/hankesalkku demo --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks evaluation
	$(BIN)/ruff format --check src tests benchmarks evaluation
	$(BIN)/lint-imports
	HANKESALKKU_DEMO=1 $(BIN)/hankesalkku makemigrations --check --dry-run
	HANKESALKKU_DEMO=1 $(BIN)/python scripts/merge_locale_additions.py --check
	$(BIN)/pytest -n auto --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks evaluation
	$(BIN)/ruff format src tests benchmarks evaluation

messages: $(STAMP)
	cd src/hankesalkku && HANKESALKKU_DEMO=1 ../../$(BIN)/hankesalkku makemessages -l sv -l en
	HANKESALKKU_DEMO=1 $(BIN)/python scripts/merge_locale_additions.py --compile

clean:
	rm -rf $(VENV) data

# Operations: the production server (needs production settings in .env or the environment).
.PHONY: serve
serve: $(STAMP)
	$(BIN)/hankesalkku serve --bind 127.0.0.1:$(PORT)
