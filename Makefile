# The two commands of the README. Each does its own set-up first (idempotent).
.PHONY: run test setup lint bench

PYTEST_ARGS ?=

run: setup
	.venv/bin/grade run tasks/

test: setup
	.venv/bin/python -m pytest $(PYTEST_ARGS)

setup:
	@scripts/setup.sh

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
