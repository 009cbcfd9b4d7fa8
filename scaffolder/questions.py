"""The questions a stack's template asks, read from its copier.yml and questions.yml,
so `--data` can be checked before anything is rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scaffolder.errors import ScaffoldError

_TRUE = {"y", "yes", "true", "on", "1"}
_FALSE = {"n", "no", "false", "off", "0"}


def _load(path: Path) -> dict[str, Any]:
    import yaml

    class _Loader(yaml.SafeLoader):
        """copier.yml's `!include` is resolved below, per stack, so skip it here."""

    _Loader.add_constructor("!include", lambda loader, node: None)
    if not path.is_file():
        return {}
    merged: dict[str, Any] = {}
    for document in yaml.load_all(path.read_text(encoding="utf-8"), Loader=_Loader):
        if isinstance(document, dict):
            merged.update(document)
    return merged


def for_stack(templates: Path, stack_id: str) -> dict[str, dict[str, Any]]:
    """Question name -> its settings: the common questions and the stack's own."""
    found = {**_load(templates / "copier.yml"), **_load(templates / stack_id / "questions.yml")}
    return {
        name: (spec if isinstance(spec, dict) else {"default": spec})
        for name, spec in found.items()
        if not name.startswith("_")
    }


def validate_data(
    data: dict[str, str], questions: dict[str, dict[str, Any]], stack_id: str
) -> None:
    """Refuse a --data key that is not a question of this stack, or a value of the wrong kind."""
    for key, value in data.items():
        spec = questions.get(key)
        if spec is None:
            asked = ", ".join(sorted(q for q in questions if q != "stack"))
            raise ScaffoldError(
                f"'{key}' is not a question of {stack_id}; --data takes one of: {asked}"
            )
        kind = spec.get("type", "str")
        if kind == "int" and not value.strip().lstrip("-").isdigit():
            raise ScaffoldError(f"--data {key} takes a whole number, got '{value}'")
        if kind == "float":
            try:
                float(value)
            except ValueError:
                raise ScaffoldError(f"--data {key} takes a number, got '{value}'") from None
        if kind == "bool" and value.strip().lower() not in _TRUE | _FALSE:
            raise ScaffoldError(f"--data {key} takes yes or no, got '{value}'")
        choices = spec.get("choices")
        if choices:
            allowed = [str(c) for c in (choices.values() if isinstance(choices, dict) else choices)]
            if value not in allowed:
                raise ScaffoldError(
                    f"--data {key} must be one of {', '.join(allowed)}; got '{value}'"
                )
