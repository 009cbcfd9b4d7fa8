"""Project names: the folder slug and the identifier each stack's language needs."""

from __future__ import annotations

import re

from scaffolder.catalogue import Stack
from scaffolder.errors import ScaffoldError

# Mirrors the `project_slug` default in templates/copier.yml.
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


def validated_identifier(name: str, stack: Stack) -> str:
    """Return the project's identifier, or explain in one line why the name cannot be used."""
    shown = name if name.strip() else "(empty)"
    if not name.strip():
        raise ScaffoldError("the project name is empty; give a name such as 'my-api'")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9 _-]*", name):
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
