"""scaffolder as a Python library: what each `scaffold` command does, returning plain data.

    from scaffolder import api

    created = api.new("django-postgres", "my-api", data={"license": "MIT"})
    outcome = api.update(created.path)       # never raises for conflicts: see needs_attention
    versions = api.template_versions(created.path)

`cli.py` parses arguments, calls these and prints. Every failure the user can fix is a
`ScaffoldError` with a one-line message; nothing here prints or exits. Heavy modules
(Copier, Jinja2, PyYAML, packaging) are imported only by the functions that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scaffolder.catalogue import Stack
from scaffolder.errors import ScaffoldError

if TYPE_CHECKING:
    from scaffolder.doctor import Finding
    from scaffolder.update import Outcome, TemplateVersions

__all__ = [
    "Created",
    "Finding",
    "Outcome",
    "ScaffoldError",
    "Stack",
    "TemplateVersions",
    "doctor",
    "new",
    "stacks",
    "template_versions",
    "update",
]

DEFAULT_PROJECT_NAME = "my-api"


def __getattr__(name: str) -> Any:
    # The result types of update and doctor, imported on first use: `scaffold list`
    # imports this module and should not pay for theirs (see tests/test_startup_imports.py).
    if name in ("Outcome", "TemplateVersions"):
        from scaffolder import update

        return getattr(update, name)
    if name == "Finding":
        from scaffolder import doctor

        return doctor.Finding
    raise AttributeError(f"module 'scaffolder.api' has no attribute {name!r}")


@dataclass(frozen=True)
class Created:
    """A project `new` generated."""

    path: Path  # its folder, as given or derived from the name (may be relative)
    stack: str
    project_name: str


def stacks(template_source: str | Path | None = None) -> list[Stack]:
    """The stacks one can generate, by id in alphabetical order (from each `stack.yml`)."""
    from scaffolder import catalogue

    found = catalogue.load(Path(template_source)) if template_source else catalogue.installed()
    return list(found.values())


def new(
    stack: str,
    dest: str | Path | None = None,
    *,
    data: Mapping[str, str] | None = None,
    defaults: bool = True,
    git: bool = True,
    template_source: str | None = None,
    ask_project_name: Callable[[str], str] | None = None,
) -> Created:
    """Generate a project of `stack` in `dest`, committed to a new Git repository.

    The project name is `data["project_name"]`, else `dest`'s folder name; with no `dest`
    either, `ask_project_name(default)` is asked (the default name when it is None) and
    the folder is the name's slug. `defaults=False` lets Copier ask the other questions
    on the terminal. `template_source` is an instructor's template (path or Git URL).
    """
    from scaffolder import generate, names

    answers = dict(data or {})
    source = (
        generate.custom_source(template_source) if template_source else generate.installed_source()
    )
    if dest is not None and not str(dest).strip():
        raise ScaffoldError("the destination folder name is empty; give one such as 'my-api'")
    if dest is None:
        name = answers.pop("project_name", None)
        if name is None:
            name = ask_project_name(DEFAULT_PROJECT_NAME) if ask_project_name else None
            name = name or DEFAULT_PROJECT_NAME
        dest = names.slugify(name) or name
    else:
        name = answers.pop("project_name", None) or Path(dest).resolve().name
    project = generate.generate(
        stack_id=stack,
        dest=Path(dest),
        project_name=name,
        data=answers,
        defaults=defaults,
        use_git=git,
        source=source,
    )
    return Created(path=project, stack=stack, project_name=name)


def update(project: str | Path, to: str | None = None, *, dry_run: bool = False) -> Outcome:
    """Bring template version `to` (default: the newest) into `project`, keeping the
    learner's edits. Conflicts and kept files are part of the outcome, not errors:
    check `outcome.needs_attention`. With `dry_run`, nothing changes; `outcome.diff`
    shows what would."""
    from scaffolder import update as updating

    return updating.update(Path(project).resolve(), to, dry_run=dry_run)


def template_versions(project: str | Path) -> TemplateVersions:
    """The project's template version and the newest available (`.up_to_date`)."""
    from scaffolder import update as updating

    return updating.template_versions(Path(project).resolve())


def doctor(stack: str | None = None) -> list[Finding]:
    """One finding per tool the stack (default: every stack) needs: found, and new enough?"""
    from scaffolder import catalogue
    from scaffolder import doctor as examining

    known = catalogue.installed()
    chosen = [catalogue.find(known, stack)] if stack else list(known.values())
    return examining.findings(chosen)
