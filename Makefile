# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# torch is pinned to the CPU build that pip finds locally; a GPU user installs
# the CUDA build of the same version first (see README) and this step keeps it.
TORCH  ?= torch==2.13.0
EXTRAS ?= transformer,encoders,spark,cluster,search,ui,dev
STAMP  := $(VENV)/.installed

.PHONY: install demo demo-fast test lint bench clean-runs ui ui-browser ui-screenshots server dist

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

# make demo's model: the best trained model on the realistic validation half
# (experiments/realistic_study.py, arm ens_tr_ens_v4): tf-idf + frozen e5-small + fine-tuned
# e5-small as one model, about 17 minutes on 2 idle cores. `make demo DEMO_MODEL=transformer`
# fine-tunes e5-small alone (about 15 minutes), DEMO_MODEL=ensemble trains the tf-idf + frozen
# e5-small ensemble (a few minutes); demo-fast trains tf-idf alone (seconds).
DEMO_MODEL ?= ensemble_transformer

demo: install
	$(BIN)/python -m stance.train model=$(DEMO_MODEL) register=true register_alias=champion
	$(BIN)/python -m stance.demo

demo-fast:
	$(MAKE) demo DEMO_MODEL=tfidf_logreg

# pytest exits 5 when it collects nothing: that is our failure, not a pass.
# the suite on TEST_WORKERS processes (pytest-xdist; a test file stays on one worker, so its
# module fixtures and any server it starts are its own): about 16 min on 2 cores against 24 min serially
TEST_WORKERS ?= 2

test: install
	@$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

# The wheel and sdist a user installs (tests/test_packaging.py builds and installs them in make test).
dist: install
	$(BIN)/python -m build --outdir dist .

lint: install
	$(BIN)/ruff check stance tests experiments

bench: install
	$(BIN)/python experiments/bench_api.py

# Prints each experiment's runs-table link first (MLflow 3.17 opens experiments on its GenAI pages
# unless its "Model training" switch is chosen; the links choose it).
UI_PORT ?= 5000
ui:
	@$(BIN)/python -c "from stance.tracking import ui_links; print(ui_links('http://127.0.0.1:$(UI_PORT)', 'sqlite:///$(CURDIR)/mlflow.db'))" || true
	$(BIN)/mlflow ui --backend-store-uri sqlite:///$(CURDIR)/mlflow.db --port $(UI_PORT)

# Headless Chromium + chromedriver (Debian/Ubuntu packages; root or sudo) and selenium (the ui extra)
# for experiments/ui_screenshots.py and the browser test in tests/test_tracking_ui.py (skipped without them).
SUDO ?= $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ui-browser: install
	command -v chromedriver >/dev/null && { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; } || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }
	$(BIN)/python -m pip install --quiet -e ".[ui]"

# The MLflow UI checked in a headless browser, PNGs in experiments/results/ui/ (STORE=path/to/mlflow.db
# for another store; default the project's mlflow.db if present, else two tiny tf-idf runs).
ui-screenshots: ui-browser
	$(BIN)/python experiments/ui_screenshots.py $(if $(STORE),--store $(STORE))

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
