"""`scaffold list` as plain text: a block per stack, wrapped to the terminal.

Plain text rather than a Rich table on purpose: importing Rich's console costs about a
third of Typer's own start-up, and `list` is the first command a learner runs
(benchmarks/README.md). Plain lines also grep well; `list --json` is there for scripts.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable

from scaffolder.catalogue import Stack


def _needs(stack: Stack) -> str:
    return ", ".join(t.name + (" (optional)" if t.optional else "") for t in stack.toolchain)


def render(stacks: Iterable[Stack], width: int | None = None) -> str:
    """The stacks, one block each: id, then what it is built with and what it needs."""
    stacks = list(stacks)
    width = width or shutil.get_terminal_size().columns
    indent = max(len(s.id) for s in stacks) + 2
    wrap_width = max(width, indent + 30)
    blocks = []
    for s in stacks:
        facts = [
            f"{s.framework} · {s.language} · {s.database}",
            f"tests: {s.test_tools}",
            f"you need: {_needs(s)}",
        ]
        lines = []
        for number, fact in enumerate(facts):
            lead = s.id.ljust(indent) if number == 0 else " " * indent
            lines.append(
                textwrap.fill(fact, wrap_width, initial_indent=lead, subsequent_indent=" " * indent)
            )
        blocks.append("\n".join(lines))
    footer = "Check the tools for one stack: scaffold doctor --stack ID"
    return "\n\n".join(blocks) + "\n\n" + footer
