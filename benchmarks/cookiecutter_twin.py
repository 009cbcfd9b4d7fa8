"""Build a cookiecutter template that renders the same files as one of our stacks.

There is no ready-made cookiecutter template for these five stacks that works offline
(cookiecutter-django & co. live on GitHub, which this machine cannot reach, and they
produce different, larger projects). So the fairest comparison we can make is a
"twin": the project Copier rendered for the stack, with the project name turned back
into `{{ cookiecutter.project_name }}` in file contents and paths. Cookiecutter then
reads, Jinja-renders and writes the same number of files of the same sizes.

What the twin does NOT reproduce (so it flatters cookiecutter slightly): our
templates' `{% include %}`s of `_shared/` parts, conditionals and question
validation. Files that contain literal Jinja-like syntax (`{{`, `{%`) are listed in
`_copy_without_render` so cookiecutter copies them instead of failing on them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

NAME = "bench"  # the project_name the benchmark renders with; also the slug


def build(rendered_project: Path, twin_root: Path) -> Path:
    """Make `twin_root` a cookiecutter template reproducing `rendered_project`."""
    if twin_root.exists():
        shutil.rmtree(twin_root)
    project_dir = twin_root / "{{cookiecutter.project_name}}"
    verbatim: list[str] = []
    for src in sorted(p for p in rendered_project.rglob("*") if p.is_file()):
        rel = src.relative_to(rendered_project).as_posix()
        if rel == ".copier-answers.yml":
            continue  # Copier's bookkeeping; cookiecutter has its own replay file
        rel = rel.replace(NAME, "{{cookiecutter.project_name}}")
        dst = project_dir / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        data = src.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            dst.write_bytes(data)  # binary (e.g. a wrapper jar): cookiecutter copies it
        else:
            if "{{" in text or "{%" in text or "{#" in text:
                verbatim.append(rel)
                dst.write_text(text, encoding="utf-8")
            else:
                dst.write_text(text.replace(NAME, "{{cookiecutter.project_name}}"),
                               encoding="utf-8")
        shutil.copymode(src, dst)
    (twin_root / "cookiecutter.json").write_text(json.dumps(
        {"project_name": NAME, "_copy_without_render": verbatim}, indent=1))
    return twin_root
