# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# torch is pinned to the CPU build that pip finds locally; a GPU user installs
# the CUDA build of the same version first (see README) and this step keeps it.
TORCH  ?= torch==2.13.0
EXTRAS ?= transformer,encoders,dev
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench clean-runs ui

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

demo: install
	$(BIN)/python -m stance.train model=ensemble register=true register_alias=champion
	$(BIN)/python -m stance.demo

# pytest exits 5 when it collects nothing: that is our failure, not a pass.
test: install
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

bench: install
	$(BIN)/python experiments/bench_api.py

ui:
	$(BIN)/mlflow ui --backend-store-uri sqlite:///$(CURDIR)/mlflow.db --port 5000
