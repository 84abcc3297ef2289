# The two commands of the README's quick start. Both create .venv and install what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test install clean

$(BIN)/kgbuild: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/kgbuild

demo: install
	$(BIN)/kgbuild build data/ --out out/kg.trig
	$(BIN)/kgbuild validate out/kg.trig
	$(BIN)/kgbuild stats out/kg.trig
	$(BIN)/kgbuild query out/kg.trig queries/persons.rq

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) out .pytest_cache
