# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# torch is pinned to the CPU build that pip finds locally; a GPU user installs
# the CUDA build of the same version first (see README) and this step keeps it.
TORCH  ?= torch==2.13.0
EXTRAS ?= transformer,encoders,spark,cluster,search,dev
STAMP  := $(VENV)/.installed

.PHONY: install demo demo-fast test lint bench clean-runs ui server dist

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

# make demo's model: the best single model on the realistic validation half that one command
# trains (experiments/realistic_study.py): e5-small fine-tuned on corpus v3, about 15 minutes on
# 2 idle cores. `make demo DEMO_MODEL=ensemble` trains the tf-idf + frozen e5-small ensemble
# instead (a few minutes); demo-fast trains tf-idf alone (seconds).
DEMO_MODEL ?= transformer

demo: install
	$(BIN)/python -m stance.train model=$(DEMO_MODEL) register=true register_alias=champion
	$(BIN)/python -m stance.demo

demo-fast:
	$(MAKE) demo DEMO_MODEL=tfidf_logreg

# pytest exits 5 when it collects nothing: that is our failure, not a pass.
test: install
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

# The wheel and sdist a user installs (tests/test_packaging.py builds and installs them in make test).
dist: install
	$(BIN)/python -m build --outdir dist .

lint: install
	$(BIN)/ruff check stance tests experiments

bench: install
	$(BIN)/python experiments/bench_api.py

ui:
	$(BIN)/mlflow ui --backend-store-uri sqlite:///$(CURDIR)/mlflow.db --port 5000

# A shared tracking server on loopback: SQLite backend store and an artifact folder under
# SERVER_DIR, artifacts proxied through the server (clients need no access to the folder).
# One worker, because SQLite serialises writers; a team uses PostgreSQL (README).
# Jobs point at it with tracking.uri=http://127.0.0.1:$(SERVER_PORT) (or MLFLOW_TRACKING_URI).
SERVER_PORT ?= 5001
SERVER_DIR  ?= $(CURDIR)/server
server: install
	mkdir -p "$(SERVER_DIR)/artifacts"
	exec $(BIN)/mlflow server --host 127.0.0.1 --port $(SERVER_PORT) --workers 1 \
		--backend-store-uri "sqlite:///$(SERVER_DIR)/mlflow.db" --artifacts-destination "$(SERVER_DIR)/artifacts"
