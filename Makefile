# polynews: one line a target. `make install && make run` sets everything up and ingests samples/.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
DB      ?= polynews.db

.PHONY: install run test lint bench lock clean

# torch first: argostranslate needs it, and only the pinned CPU wheel avoids a multi-GB CUDA download.
# The Arabic and Indonesian NER pipelines are polynews' own, installed from the repository (models/README.md).
install:
	$(PY) -m venv $(VENV) && $(BIN)/pip install -q --upgrade pip && $(BIN)/pip install -q torch==2.13.0 -c constraints.txt && $(BIN)/pip install -q -c constraints.txt -e '.[dev]' && $(BIN)/pip install -q -c constraints.txt models/packages/ar_polynews_ner models/packages/id_polynews_ner && $(BIN)/polynews --version

run:
	$(BIN)/polynews ingest samples/ --db $(DB) && $(BIN)/polynews stats --db $(DB)

test:
	$(BIN)/python -m pytest -q

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy ingest normalize translate store extract pipeline.py cli.py

bench:
	$(BIN)/python bench/pipeline_bench.py --n 1000

lock:
	(echo '# Pinned versions of everything polynews installs (resolution drifts). Regenerate: make lock'; $(BIN)/pip freeze --exclude-editable | sed 's/+cpu//') > constraints.txt.new && mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
