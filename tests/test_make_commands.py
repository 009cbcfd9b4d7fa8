"""The README's command table and the Makefile say the same thing.

Each `templates/<stack>/stack.yml` lists, under `commands:`, what every `make` target runs;
the generated README renders that table, and the Makefile is what really runs. Nothing
else keeps the two equal, so this renders each project and compares every listed command
with `make -n TARGET` (what make would run, without running it).

Agreeing means: the words of the listed command appear in that order in make's own
command lines. What the Makefile may add around them is allowed: a prerequisite's recipe
(writing `.env`), tool flags (`./mvnw -B -ntp`), a virtualenv path (`.venv/bin/python`)
and the value of a `$VARIABLE`. A `# comment` after a listed command is for the reader.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.harness.scaffold import generate
from tests.stacks import stack_ids

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SENTINELS = {"HOST": "host.invalid", "PORT": "65000"}  # stand-ins make -n shows in their place


def listed_commands(stack: str) -> dict[str, str]:
    return yaml.safe_load((TEMPLATES / stack / "stack.yml").read_text())["commands"]


def words(command: str) -> list[str]:
    """A command's words, quotes dropped; `$HOST`/`$PORT` as their stand-ins; other
    `$VARIABLES` as None (any value, or none, may stand in their place)."""
    command = command.split("  #", 1)[0]  # a reader's comment
    for name, value in SENTINELS.items():
        command = re.sub(rf"\$\{{?{name}\}}?", value, command)
    tokens = re.split(r"\s+|&&|;", command.replace('"', "").replace("'", ""))
    return [t for t in tokens if t and not re.fullmatch(r"\$\{?\w+\}?", t)]


def appear_in_order(listed: list[str], ran: list[str]) -> bool:
    """Every listed word, in order, is one of make's words (or make's ends with '/' + it)."""
    position = 0
    for word in listed:
        while position < len(ran) and not (ran[position] == word
                                           or ran[position].endswith("/" + word)):
            position += 1
        if position == len(ran):
            return False
        position += 1
    return True


@pytest.mark.parametrize(
    "stack", [pytest.param(s, marks=pytest.mark.stack(s)) for s in stack_ids()]
)
def test_the_readme_command_table_is_what_make_runs(stack: str, tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    project = generate(stack, tmp_path)
    # As a fresh clone has it: no .env, so `make -n setup` also shows the steps that write one.
    (project / ".env").unlink()
    readme = (project / "README.md").read_text()
    disagree = []
    for target, command in listed_commands(stack).items():
        assert f"| `{target}` |" in readme, f"[{stack}] README's command table lacks `{target}`"
        result = subprocess.run(
            ["make", "-n", target], cwd=project, text=True, capture_output=True, timeout=60,
            env={**os.environ, **SENTINELS},
            check=False,
        )
        ran = [t for line in result.stdout.splitlines() if not line.lstrip().startswith("#")
               for t in words(line)]
        if result.returncode != 0 or not appear_in_order(words(command), ran):
            disagree.append(f"  {target}: stack.yml says `{command}`\n"
                            f"    make -n {target} (exit {result.returncode}): "
                            f"{result.stdout.strip() or result.stderr.strip()}")
    assert not disagree, (f"[{stack}] stack.yml's commands (the README's table) and the Makefile "
                          "disagree:\n" + "\n".join(disagree))


def test_the_word_matching_catches_a_renamed_step() -> None:
    ran = words("./mvnw -B -ntp spring-boot:run && .venv/bin/python manage.py migrate")
    assert appear_in_order(words("./mvnw spring-boot:run"), ran)
    assert appear_in_order(words("python manage.py migrate"), ran)
    assert not appear_in_order(words("python manage.py migrate --check"), ran)
    assert not appear_in_order(words("manage.py migrate && ./mvnw spring-boot:run"), ran)
    assert appear_in_order(words("java $JAVA_OPTS -jar app.jar"), words("java -Xmx1g -jar app.jar"))
