"""examples/<stack> must be exactly what the templates generate now (see examples/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import examples

STACKS = examples.stacks()


def test_every_stack_has_an_example_and_nothing_else() -> None:
    present = sorted(p.name for p in examples.EXAMPLES.iterdir() if p.is_dir())
    assert present == STACKS, (
        f"examples/ holds {present}, the stacks are {STACKS}; "
        f"regenerate with `{examples.COMMAND}` and delete folders of removed stacks"
    )


@pytest.mark.parametrize("stack", STACKS)
def test_example_is_what_the_templates_generate(stack: str, tmp_path: Path) -> None:
    expected = examples.snapshot(examples.render(stack, tmp_path))
    actual = examples.snapshot(examples.EXAMPLES / stack)
    diff = examples.differences(expected, actual)
    assert not diff, (
        f"[{stack}] examples/{stack} differs from what the templates generate now:\n  "
        + "\n  ".join(diff)
        + f"\nRegenerate with: {examples.COMMAND} {stack}"
    )


def test_no_example_file_is_ignored_by_git() -> None:
    """An ignored file would be missing from a fresh checkout, so CI would fail there."""
    files = [
        examples.EXAMPLES / s / p for s in STACKS for p in examples.snapshot(examples.EXAMPLES / s)
    ]
    assert files, "examples/ is empty"
    ignored = examples.git_ignored(files)
    assert not ignored, f"Git ignore rules match these example files: {ignored}"
