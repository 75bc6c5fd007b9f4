# Two commands on a fresh machine: `make run` and `make test`.
# Python ≥ 3.11 is the only thing needed beforehand; everything else is
# installed from the committed lock file into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EPORTAL := $(BIN)/eportal
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: run install test test-fast e2e lint format lock migrate demo clean stack stack-stop stack-smoke

# `make run` announces each of its six steps as "[n/6] …" and lets pip show
# its progress; other targets (make test, CI) share the steps, unnumbered and quiet.
STEPS ?=
PIP_FLAGS ?= --quiet
step = @printf '\n\033[1m%s %s\033[0m\n' "$(if $(STEPS),[$(1)/$(STEPS)],==>)" "$(2)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the lock file or the project metadata changed.
$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements.lock
	$(BIN)/python -m pip install $(PIP_FLAGS) --no-deps -e .
	touch $(STAMP)

install:
	$(call step,1,Gói Python trong $(VENV) (từ requirements.lock; lần đầu mất vài phút))
	@$(MAKE) --no-print-directory --silent $(STAMP)

migrate: install
	$(call step,2,Gói hệ thống (Pango và phông chữ cho PDF))
	@bash scripts/ensure-system-packages --no-browser
	$(call step,3,Cơ sở dữ liệu (DATABASE_URL hoặc SQLite trong var/))
	@$(EPORTAL) ensure-database
	$(call step,4,Cập nhật cấu trúc cơ sở dữ liệu (migrate))
	@$(EPORTAL) migrate --noinput

demo: migrate
	$(call step,5,Dữ liệu mẫu: tỉnh và các cổng thành phần với ban biên tập và bài viết (khoảng 1 phút))
	@$(EPORTAL) demo

# Links in the admin and in mails lead to the local server (EPORTAL_LOCAL_URL).
demo: export EPORTAL_LOCAL_URL ?= http://127.0.0.1:$(PORT)
run: export STEPS = 6
run: export PIP_FLAGS = --progress-bar on
run: export EPORTAL_LOCAL_URL ?= http://127.0.0.1:$(PORT)
run: demo
	$(call step,6,Máy chủ phát triển http://127.0.0.1:$(PORT)/ và tiến trình nền (Ctrl-C để dừng))
	@PORT=$(PORT) bash scripts/serve-dev

test: install
	$(BIN)/ruff check eportal tests
	$(BIN)/ruff format --check eportal tests
	$(EPORTAL) makemigrations --check --dry-run
	# Medium and high findings fail; each accepted one is a `# nosec` with its reason.
	$(BIN)/bandit -q -r eportal -ll
	bash scripts/ensure-system-packages
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --durations=15 tests --ignore=tests/e2e
	$(BIN)/python -m pytest -q -p no:cacheprovider --durations=15 tests/e2e

# Unit tests only, keeping the test databases (migrated, with the shared test
# data of tests/shared_data.py) for the next run. Add PYTEST_ARGS=--create-db
# after changing a migration's data or tests/shared_data.py. `make test` and
# CI always start from new databases.
test-fast: install
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --reuse-db --durations=15 $(PYTEST_ARGS) tests --ignore=tests/e2e

# The browser journeys run in their own process: they share one committed
# demo database (tests/e2e/conftest.py).
e2e: install
	bash scripts/ensure-system-packages
	$(BIN)/python -m pytest -q -p no:cacheprovider --durations=15 tests/e2e

# The production stack on this machine: nginx (cache, purge) → gunicorn →
# PostgreSQL + Redis + the task worker (deploy/stack; docs/deployment.md).
stack: install
	bash deploy/stack start

stack-stop:
	bash deploy/stack stop

# Stack up, cache, purge on publish, Q&A form, private file, stack down (run by .ci/run).
stack-smoke: install
	bash scripts/stack-smoke

lint: install
	$(BIN)/ruff check eportal tests

format: install
	$(BIN)/ruff format eportal tests
	$(BIN)/ruff check --fix eportal tests

# Refresh the lock file after changing dependency ranges in pyproject.toml.
lock:
	rm -rf .lockvenv
	$(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet --upgrade pip
	.lockvenv/bin/python -m pip install --quiet -e '.[test]'
	.lockvenv/bin/python -m pip freeze --exclude-editable | grep -v '^eportal' > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) var/static
