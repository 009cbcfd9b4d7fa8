"""The stack catalogue, read from each template's `stack.yml` (the single source of truth)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scaffolder.errors import ScaffoldError


@dataclass(frozen=True)
class Tool:
    name: str
    command: str
    min: str
    install: str
    optional: bool = False


@dataclass(frozen=True)
class IdentifierRules:
    """How a project name becomes an identifier of the stack's language."""

    language: str
    form: str  # "module" (my_api), "package" (myapi) or "slug" (my-api)
    pattern: str
    reserved: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Stack:
    id: str
    title: str
    language: str
    framework: str
    database: str
    test_tools: str
    lint_tools: str
    default_port: int
    identifier: IdentifierRules
    toolchain: tuple[Tool, ...]
    raw: dict[str, Any] = field(repr=False, compare=False)

    def summary(self) -> dict[str, Any]:
        """The row `scaffold list --json` prints."""
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "framework": self.framework,
            "database": self.database,
            "test_tools": self.test_tools,
            "lint_tools": self.lint_tools,
            "default_port": self.default_port,
            "toolchain": [
                {"name": t.name, "min": t.min, "optional": t.optional} for t in self.toolchain
            ],
        }


def _stack_from(path: Path, data: Any) -> Stack:
    try:
        data = data or {}
        ident = data["identifier"]
        return Stack(
            id=data["id"],
            title=data["title"],
            language=data["language"],
            framework=data["framework"],
            database=data["database"],
            test_tools=data["test_tools"],
            lint_tools=data["lint_tools"],
            default_port=int(data["default_port"]),
            identifier=IdentifierRules(
                language=ident["language"],
                form=ident.get("form", "module"),
                pattern=ident["pattern"],
                # A language's keywords are reserved words too (stack.yml may list them
                # apart, for a template's validator to read).
                reserved=frozenset(
                    str(word).lower()
                    for word in [*ident.get("keywords", []), *ident.get("reserved", [])]
                ),
            ),
            toolchain=tuple(Tool(**tool) for tool in data.get("toolchain", [])),
            raw=data,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ScaffoldError(f"template metadata {path} is unreadable: {exc!r}") from None


def load(templates: Path) -> dict[str, Stack]:
    """Every stack under `templates/`, by id, in alphabetical order."""
    from scaffolder import locations, yaml_cache

    paths = sorted(templates.glob("*/stack.yml"))
    try:
        documents = yaml_cache.load_all(paths, locations.cache_dir() / "stack-yml.json")
    except yaml_cache.Unreadable as exc:
        raise ScaffoldError(f"template metadata {exc.path} is unreadable: {exc.reason}") from None
    stacks = [_stack_from(path, data) for path, data in zip(paths, documents, strict=True)]
    return {stack.id: stack for stack in stacks}


def installed() -> dict[str, Stack]:
    """The stacks of this installation's templates."""
    from scaffolder import locations

    return load(locations.templates_dir())


def find(stacks: dict[str, Stack], stack_id: str) -> Stack:
    try:
        return stacks[stack_id]
    except KeyError:
        valid = ", ".join(stacks) or "(none found)"
        raise ScaffoldError(f"unknown stack '{stack_id}'; choose one of: {valid}") from None
