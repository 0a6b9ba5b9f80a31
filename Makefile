# Two commands do all set-up on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
STAMP_LLM := $(VENV)/.installed-llm
# llama.cpp built for this CPU, without its examples, tests, tools and multimodal parts
LLAMA_CMAKE_ARGS := -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_TOOLS=OFF \
	-DLLAMA_BUILD_SERVER=OFF -DGGML_BUILD_TESTS=OFF -DGGML_BUILD_EXAMPLES=OFF -DLLAMA_CURL=OFF \
	-DLLAVA_BUILD=OFF -DMTMD_BUILD=OFF

.PHONY: demo test test-llm lint clean bench

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "dualtrack needs Python >= 3.11; '$(PYTHON)' is older or missing." \
	       "Run e.g. 'make $(MAKECMDGOALS) PYTHON=python3.11'." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	$(BIN)/dualtrack demo

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests benchmarks scripts

test: lint
	$(BIN)/python -m pytest -q

$(STAMP_LLM): pyproject.toml | $(STAMP_DEV)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
	  $(BIN)/pip install --quiet -e ".[dev,llm-test]"
	touch $@

# The LLM coder against a real llama.cpp server (builds llama-cpp-python once: minutes).
test-llm: $(STAMP_LLM)
	$(BIN)/python -m pytest -q -m "" tests/extract/test_llm.py tests/extract/test_llm_llama.py

bench: $(STAMP_DEV)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) dualtrack-demo .pytest_cache .ruff_cache
