#!/usr/bin/env bash
# What .ci/run's style checks need before the test command installs the package: ruff,
# mypy, and scaffolder's dependencies with the test extras (mypy reads their types),
# all as pyproject.toml lists them. Idempotent: pip skips what is already satisfied.
set -euo pipefail
cd "$(dirname "$0")/../.."

mapfile -t requirements < <(python3 - <<'PY'
import tomllib

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["test"]))
PY
)
python3 -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
echo "ruff $(python3 -m ruff --version | cut -d' ' -f2), $(python3 -m mypy --version | cut -d' ' -f1-2)"
