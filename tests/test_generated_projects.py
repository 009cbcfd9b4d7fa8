"""What every generated project is, whatever its stack (../shared/specs/generated-project.md):
the files a learner expects, Git from the first minute, the shared contract byte for byte,
settings documented in .env.example, no secret committed, and reproducible renders.
Each stack's own test module checks what only that stack has."""

from __future__ import annotations

import filecmp
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.harness.scaffold import generate

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STACKS = [yaml.safe_load(p.read_text())["id"] for p in sorted(TEMPLATES.glob("*/stack.yml"))]
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
