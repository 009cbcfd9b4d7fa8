"""What every generated project is, whatever its stack (the promise of README.md and
templates/README.md): the files a learner expects, Git from the first minute, the shared
contract byte for byte, settings documented in .env.example, no secret committed,
nothing left unrendered, every licence choice right, and reproducible renders.
Each stack's own test module checks what only that stack has.

Render only (Python and git, no toolchain, no database): none of these carries the
`stack` marker: `-m "not stack"` runs them for every stack.
"""

from __future__ import annotations

import datetime
import filecmp
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.harness.scaffold import generate
from tests.stacks import stack_ids

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STACKS = stack_ids()
EVERY_PROJECT_HAS = [
    "README.md", "LICENSE", "Makefile", "Dockerfile", "docker-compose.yml", ".env", ".env.example",
    ".gitignore", ".gitattributes", ".editorconfig", ".copier-answers.yml", "docs/openapi.yaml",
    ".github/workflows/ci.yml", ".devcontainer/devcontainer.json",
    ".devcontainer/docker-compose.devcontainer.yml", ".dockerignore",
]
MAKE_TARGETS = ["setup", "db-up", "db-down", "migrate", "seed", "run", "test", "lint", "fmt"]
README_SECTIONS = ["## Stack", "## Architecture", "```mermaid", "## Quick start", "### With Docker",
                   "### Without Docker", "## Endpoints", "## Testing", "## Project layout",
                   "## Skills practised"]


@pytest.fixture(scope="module", params=STACKS)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(request.param, tmp_path_factory.mktemp(request.param))


def stack_of(project: Path) -> str:
    return yaml.safe_load((project / ".copier-answers.yml").read_text())["stack"]


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, text=True, capture_output=True,
                          check=True).stdout


def settings(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if re.match(r"[A-Za-z_][A-Za-z0-9_]*=", line))


def test_every_file_a_learner_expects_is_there(project: Path) -> None:
    missing = [name for name in EVERY_PROJECT_HAS if not (project / name).is_file()]
    assert not missing, f"[{stack_of(project)}] missing: {missing}"
    leftovers = [p.relative_to(project).as_posix() for p in project.rglob("*.jinja")]
    assert not leftovers, f"[{stack_of(project)}] rendered without their .jinja suffix dropped: {leftovers}"


def test_one_commit_on_main_a_clean_tree_and_env_ignored(project: Path) -> None:
    assert git(project, "branch", "--show-current").strip() == "main"
    assert git(project, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(project, "status", "--porcelain") == "", stack_of(project)
    assert git(project, "check-ignore", ".env").strip() == ".env"


def test_the_contract_is_the_shared_document_byte_for_byte(project: Path) -> None:
    shared = (TEMPLATES / "_shared" / "openapi.yaml").read_bytes()
    assert (project / "docs" / "openapi.yaml").read_bytes() == shared, stack_of(project)


def test_env_example_documents_every_setting_of_env(project: Path) -> None:
    env, example = settings(project / ".env"), settings(project / ".env.example")
    assert env.keys() == example.keys(), f"[{stack_of(project)}] {env.keys() ^ example.keys()}"


def test_no_secret_of_env_is_committed(project: Path) -> None:
    env, example = settings(project / ".env"), settings(project / ".env.example")
    # Values generated for this project: long, and not the example's placeholder.
    secrets = [v for k, v in env.items() if len(v) >= 24 and v != example.get(k)]
    assert secrets, f"[{stack_of(project)}] .env holds no secret generated for the project"
    for name in git(project, "ls-files").splitlines():
        text = (project / name).read_bytes().decode(errors="replace")
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"[{stack_of(project)}] a secret of .env is committed in {name}"


def test_the_makefile_has_the_same_targets_as_every_stack(project: Path) -> None:
    makefile = (project / "Makefile").read_text()
    missing = [t for t in MAKE_TARGETS if not re.search(rf"^{re.escape(t)}:", makefile, re.MULTILINE)]
    assert not missing, f"[{stack_of(project)}] Makefile lacks targets: {missing}"


def test_the_readme_has_every_section_of_a_portfolio_readme(project: Path) -> None:
    readme = (project / "README.md").read_text()
    missing = [s for s in README_SECTIONS if s not in readme]
    assert not missing, f"[{stack_of(project)}] README lacks: {missing}"
    skills = readme.split("## Skills practised", 1)[1]
    # Markdown links and `code` spans that look like paths (they hold a "/").
    linked = re.findall(r"\]\(([^)#]+)\)|`([\w.-]+/[\w./-]+)`", skills)
    paths = {(a or b).rstrip("/") for a, b in linked}
    assert paths, f"[{stack_of(project)}] the skills list points at no file"
    missing_files = [p for p in paths if "://" not in p and not (project / p).exists()]
    assert not missing_files, f"[{stack_of(project)}] skills list points at missing files: {missing_files}"


@pytest.mark.parametrize("stack", STACKS)
def test_two_renders_differ_only_in_env(stack: str, tmp_path: Path) -> None:
    renders = []
    for part in ("a", "b"):
        (tmp_path / part).mkdir()
        renders.append(generate(stack, tmp_path / part, git=False))

    def differences(cmp: filecmp.dircmp, prefix: str = "") -> list[str]:
        found = [prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only]
        for name, sub in cmp.subdirs.items():
            found += differences(sub, f"{prefix}{name}/")
        return found

    assert differences(filecmp.dircmp(*renders, ignore=[])) == [".env"], stack


# Jinja's delimiters. `${{ ... }}` is GitHub Actions' own expression syntax, legitimate in
# workflows. A Blade view may echo a PHP variable, `{{ $name }}`; no generated file does
# today, nor uses Django-template or Vue syntax (rendered views hold none: checked here).
JINJA = re.compile(r"\{\{|\{%|\{#")
LEGITIMATE = [
    (re.compile(r"^\.github/workflows/"), re.compile(r"\$\{\{.*?\}\}")),
    (re.compile(r"\.blade\.php$"), re.compile(r"\{\{ *\$.*?\}\}")),
]


def test_nothing_is_left_unrendered(project: Path) -> None:
    leftovers = []
    for path in sorted(project.rglob("*")):
        name = path.relative_to(project).as_posix()
        if name == ".git" or name.startswith(".git/"):
            continue
        if JINJA.search(name):
            leftovers.append(f"{name} (its name)")
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file (the Maven wrapper's jar...): never rendered
        for file_pattern, syntax in LEGITIMATE:
            if file_pattern.search(name):
                text = syntax.sub("", text)
        leftovers += [
            f"{name}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if JINJA.search(line)
        ]
    assert not leftovers, f"[{stack_of(project)}] unrendered Jinja:\n" + "\n".join(leftovers)


def test_the_default_licence_is_mit_this_year(project: Path) -> None:
    licence = (project / "LICENSE").read_text()
    year = datetime.date.today().year
    assert licence.startswith("MIT License\n"), stack_of(project)
    # The author defaults to git's user.name (else "Your Name"): some name, this year.
    assert re.search(rf"^Copyright \(c\) {year} \S.*\S$", licence, re.MULTILINE), stack_of(project)


class _CopierLoader(yaml.SafeLoader):
    """Reads templates/copier.yml, whose `!include` tags only Copier resolves."""


_CopierLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def licence_choices() -> list[str]:
    questions = next(yaml.load_all((TEMPLATES / "copier.yml").read_text(), _CopierLoader))
    return list(questions["license"]["choices"])


AUTHOR, YEAR = "Ada Lovelace", 1843
APACHE = (TEMPLATES / "_shared" / "licenses" / "Apache-2.0.txt").read_text()
# licence -> (first line of LICENSE, its copyright line: None for Apache-2.0, whose
# LICENSE is the licence's text alone; the owner goes in a file's notice, as its
# appendix says)
LICENCES = {
    "MIT": ("MIT License", f"Copyright (c) {YEAR} {AUTHOR}"),
    "Apache-2.0": ("Apache License", None),
    "BSD-3-Clause": ("BSD 3-Clause License", f"Copyright (c) {YEAR}, {AUTHOR}"),
    "Proprietary": (f"Copyright (c) {YEAR} {AUTHOR}. All rights reserved.", None),
}
# What a package manifest calls the licence, when the stack has one (SPDX ids, and
# each tool's word for "no licence granted").
MANIFESTS = {
    "package.json": {"Proprietary": "UNLICENSED"},
    "composer.json": {"Proprietary": "proprietary"},
}


def test_every_licence_choice_has_an_expectation_here() -> None:
    assert sorted(licence_choices()) == sorted(LICENCES)


@pytest.mark.parametrize("licence", licence_choices())
def test_every_licence_choice_renders_into_its_licence(licence: str, tmp_path: Path) -> None:
    # Each choice once, on a different stack each (every stack includes _shared/LICENSE.jinja).
    stack = STACKS[licence_choices().index(licence) % len(STACKS)]
    project = generate(stack, tmp_path, git=False,
                       data={"license": licence, "author_name": AUTHOR, "copyright_year": str(YEAR)})  # fmt: skip
    text = (project / "LICENSE").read_text()
    title, copyright_line = LICENCES[licence]
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    assert first_line == title, f"[{stack}] {licence}:\n{text[:300]}"
    if copyright_line:
        assert copyright_line in text.splitlines(), f"[{stack}] {licence}:\n{text[:300]}"
    if licence == "Apache-2.0":
        # (The include leaves one blank line at the end: harmless, not compared.)
        assert text.rstrip() == APACHE.rstrip(), f"[{stack}] the Apache-2.0 LICENSE is not the licence's text"
    if licence == "Proprietary":
        assert text == title + "\n", f"[{stack}] a proprietary LICENSE grants nothing:\n{text}"
    others = [t for name, (t, _) in LICENCES.items() if name != licence and "License" in t]
    assert not [t for t in others if t in text], f"[{stack}] {licence} mixes in another licence"
    readme = (project / "README.md").read_text().split("## Licence", 1)[1]
    shown = "All rights reserved" if licence == "Proprietary" else licence
    assert f"{shown} — see [LICENSE](LICENSE)" in readme, f"[{stack}] README: {readme[:200]}"
    for manifest, words in MANIFESTS.items():
        if (project / manifest).is_file():
            declared = json.loads((project / manifest).read_text())["license"]
            assert declared == words.get(licence, licence), f"[{stack}] {manifest}: {declared}"
