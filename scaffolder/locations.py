"""Where the templates and the user's template store live.

Environment overrides exist for template authors and for our tests:
SCAFFOLDER_TEMPLATES_DIR (templates to use), SCAFFOLDER_TEMPLATES_VERSION (the
version they count as), SCAFFOLDER_EXERCISES_DIR (exercises to use) and SCAFFOLDER_HOME
(where the template store is kept).
"""

from __future__ import annotations

import os
from pathlib import Path


def templates_dir() -> Path:
    """The templates of this installation: inside the wheel, or ./templates in a checkout."""
    if override := os.environ.get("SCAFFOLDER_TEMPLATES_DIR"):
        return Path(override).expanduser().resolve()
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def exercises_dir() -> Path:
    """The exercises of this installation: inside the wheel, or ./exercises in a checkout."""
    if override := os.environ.get("SCAFFOLDER_EXERCISES_DIR"):
        return Path(override).expanduser().resolve()
    packaged = Path(__file__).parent / "exercises"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "exercises"


def templates_version() -> str:
    from scaffolder import __version__

    return os.environ.get("SCAFFOLDER_TEMPLATES_VERSION") or __version__


def cache_dir() -> Path:
    """Disposable speed-ups, safe to delete (inside SCAFFOLDER_HOME when that is set)."""
    if override := os.environ.get("SCAFFOLDER_HOME"):
        return Path(override).expanduser().resolve() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("scaffolder", appauthor=False)


def home() -> Path:
    """scaffolder's own data folder (not a cache: projects' answers point into it)."""
    if override := os.environ.get("SCAFFOLDER_HOME"):
        return Path(override).expanduser().resolve()
    from platformdirs import user_data_path

    return user_data_path("scaffolder", appauthor=False)
