"""What `scaffold exercise show` prints: one Markdown document for one stack.

The brief (goal, what to build, the rules, how it is checked), then the rules the check
runs in order (from exercise.yml, so the list is always the check's own), the API
additions as an OpenAPI fragment, and this stack's notes. Never a solution.
"""

from __future__ import annotations

import re

from scaffolder.exercise import catalogue
from scaffolder.exercise.catalogue import Exercise

CHECKED_HEADING = "## How this is checked"


def _checked_rules(exercise: Exercise) -> str:
    lines = ["The check runs these rules in this order; each is reported by its name:", ""]
    lines += [f"{i}. `{rule.name}`: {rule.says}" for i, rule in enumerate(exercise.rules, 1)]
    return "\n".join(lines)


def _with_rules(brief: str, rules: str) -> str:
    """The brief with the rule list at the end of its "How this is checked" section (a
    section of its own after the brief when it has none)."""
    start = brief.find(CHECKED_HEADING)
    if start == -1:
        return f"{brief.rstrip()}\n\n{CHECKED_HEADING}\n\n{rules}\n"
    following = re.search(r"^#{1,2} ", brief[start + len(CHECKED_HEADING) :], re.MULTILINE)
    end = start + len(CHECKED_HEADING) + following.start() if following else len(brief)
    return f"{brief[:end].rstrip()}\n\n{rules}\n\n{brief[end:].lstrip()}".rstrip() + "\n"


def render(exercise: Exercise, stack: str) -> str:
    """The exercise's brief for a project of `stack`, as Markdown."""
    notes = catalogue.notes(exercise, stack)  # first: an unsupported stack is an error
    parts = [
        f"Exercise {exercise.number} · {exercise.skill} · difficulty {exercise.difficulty}/3 · "
        f"`{exercise.id}`",
        _with_rules(catalogue.brief(exercise), _checked_rules(exercise)).strip(),
    ]
    if fragment := catalogue.openapi(exercise).strip():
        parts.append(
            "## The API additions (OpenAPI)\n\n"
            f"Add these to `docs/openapi.yaml` as you build them.\n\n```yaml\n{fragment}\n```"
        )
    parts.append(f"## In your {stack} project\n\n{notes.strip()}")
    parts.append(
        "## When you are ready\n\n"
        f"    scaffold exercise start {exercise.id}   # records the commit you start from\n"
        f"    scaffold exercise check {exercise.id}   # runs the rules against your server\n"
        f"    scaffold exercise hint {exercise.id}    # one more hint for the first failing rule"
    )
    return "\n\n".join(parts) + "\n"
