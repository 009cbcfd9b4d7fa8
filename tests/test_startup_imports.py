"""`scaffold --help` and `scaffold list` must not load the generation machinery.

A structural check, not a timing one (speed is measured in benchmarks/): Copier and
what it pulls in (Jinja2, plumbum, questionary, prompt_toolkit) cost several hundred
milliseconds to import, and a learner exploring the tool should not wait for them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Imported only by `new`/`update`; none of them is needed to show help or the stacks.
GENERATION = {"copier", "jinja2", "plumbum", "questionary", "prompt_toolkit", "dunamai"}
# Each of these costs a third or more of Typer's own import: Rich (help panels, tables)
# and pydantic (which typer 0.29 uses to coerce options; pyproject.toml caps typer).
HEAVY = {"rich", "pydantic", "markdown_it", "pygments"}

# Runs the real entry point, then reports the top-level packages that were imported.
PROBE = """
import atexit, json, sys
report, args = sys.argv[1], sys.argv[2:]
atexit.register(lambda: open(report, "w").write(
    json.dumps(sorted({name.split(".")[0] for name in sys.modules}))))
sys.argv = ["scaffold", *args]
from scaffolder.cli import run
run()
"""


def imported_by(args: list[str], tmp_path: Path) -> set[str]:
    report = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, f"scaffold {' '.join(args)} failed:\n{result.stderr}"
    return set(json.loads(report.read_text()))


@pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "--json"]])
def test_help_and_list_do_not_import_copier_or_jinja(args: list[str], tmp_path: Path) -> None:
    loaded = imported_by(args, tmp_path)
    assert "scaffolder" in loaded  # the probe really ran the CLI
    assert not loaded & GENERATION, f"scaffold {' '.join(args)} imported {sorted(loaded & GENERATION)}"


@pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "--json"]])
def test_help_and_list_do_not_import_rich_or_pydantic(args: list[str], tmp_path: Path) -> None:
    loaded = imported_by(args, tmp_path)
    assert "scaffolder" in loaded
    assert not loaded & HEAVY, f"scaffold {' '.join(args)} imported {sorted(loaded & HEAVY)}"


def test_list_reads_cached_metadata_without_importing_yaml(tmp_path: Path) -> None:
    imported_by(["list"], tmp_path)  # the first run parses stack.yml and caches it
    assert "yaml" not in imported_by(["list"], tmp_path)


def test_help_does_not_read_yaml(tmp_path: Path) -> None:
    # Help text needs no stack metadata; PyYAML belongs to `list`, `new` and `update`.
    loaded = imported_by(["--help"], tmp_path)
    assert "yaml" not in loaded
