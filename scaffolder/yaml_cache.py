"""YAML files parsed once and kept as JSON until they change.

`scaffold list` is the first command a learner runs, and importing PyYAML and parsing
the five `stack.yml` files was half of what it added to Typer's own start-up
(benchmarks/README.md). JSON loads in a fraction of that. The cached copy is used
while every file keeps its path, size and modification time; it is disposable.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class Unreadable(Exception):
    """A file that could not be read or parsed; `reason` is the parser's message."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def _key(paths: Sequence[Path]) -> list[list[Any]]:
    try:
        return [[str(p.resolve()), (s := p.stat()).st_mtime_ns, s.st_size] for p in paths]
    except OSError as exc:
        raise Unreadable(Path(exc.filename or "?"), exc.strerror or str(exc)) from None


def _parse(path: Path) -> Any:
    import yaml

    try:
        # The C loader (libyaml), where installed, parses several times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise Unreadable(path, _one_line(exc)) from None


def _one_line(exc: Exception) -> str:
    """PyYAML's several-line message as one: what is wrong, and where."""
    mark, problem = getattr(exc, "problem_mark", None), getattr(exc, "problem", None)
    if mark is not None and problem:
        return f"{problem} (line {mark.line + 1}, column {mark.column + 1})"
    return " ".join(str(exc).split())


def load_all(paths: Sequence[Path], cache: Path) -> list[Any]:
    """The documents in `paths`, from `cache` when none of the files has changed."""
    key = _key(paths)
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        documents = stored["documents"]
        if stored["key"] == key and isinstance(documents, list) and len(documents) == len(paths):
            return documents
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache yet, or a damaged one: parse again
    documents = [_parse(path) for path in paths]
    _store(cache, {"key": key, "documents": documents})
    return documents


def _store(cache: Path, content: dict[str, Any]) -> None:
    try:
        text = json.dumps(content)
        if json.loads(text) != content:
            return  # something JSON cannot hold as it is (a date, a number as a key)
        cache.parent.mkdir(parents=True, exist_ok=True)
        # Write aside, then rename: a concurrent `scaffold` reads the old or the new file.
        scratch = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, cache)
    except (OSError, TypeError, ValueError):
        pass  # a read-only cache folder only costs speed
