"""Project names: the folder slug and the identifier each stack's language needs."""

from __future__ import annotations

import re
from pathlib import Path

from scaffolder.catalogue import Stack
from scaffolder.errors import ScaffoldError

# Mirrors the `project_slug` default in templates/copier.yml (tests/test_api.py checks).
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    return _NON_ALNUM.sub("-", name.lower()).strip("-")


def identifier(name: str, stack: Stack) -> str:
    slug = slugify(name)
    form = stack.identifier.form
    if form == "package":
        return slug.replace("-", "")
    if form == "slug":
        return slug
    return slug.replace("-", "_")


# The templates' rule for a project name, which copier.yml's validator reads too.
NAME_RULE = "_shared/project-name.yml"


def name_pattern(templates: Path) -> str:
    """The regular expression a project name must match, from the templates' NAME_RULE."""
    import yaml

    path = templates / NAME_RULE
    try:
        return str(yaml.safe_load(path.read_text(encoding="utf-8"))["pattern"])
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        raise ScaffoldError(f"template metadata {path} is missing or unreadable") from None


def validated_identifier(name: str, stack: Stack, pattern: str) -> str:
    """Return the project's identifier, or explain in one line why the name cannot be used.

    `pattern` is `name_pattern(templates)`, matched against the whole name.
    """
    shown = name if name.strip() else "(empty)"
    if not name.strip():
        raise ScaffoldError("the project name is empty; give a name such as 'my-api'")
    if not re.fullmatch(pattern, name):
        raise ScaffoldError(
            f"project name '{shown}' is not usable: start with a letter and use only "
            "letters, digits, spaces, '-' and '_' (for example 'my-api')"
        )
    ident = identifier(name, stack)
    rules = stack.identifier
    # The name counts as reserved in any of its forms (node_modules, node-modules, ...).
    forms = {ident.lower(), slugify(name), name.lower(), slugify(name).replace("-", "_")}
    if not re.fullmatch(rules.pattern, ident) or forms & rules.reserved:
        raise ScaffoldError(
            f"project name '{name}' would give the {rules.language} identifier '{ident}', "
            f"which {stack.id} cannot use (reserved or invalid); choose another name"
        )
    return ident
