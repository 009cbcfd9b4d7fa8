"""scaffolder.api in-process: the same operations as the CLI tests, as plain data.

The CLI tests (test_new_project, test_update, test_bad_input...) run `scaffold` as a
learner does; these call the API a tool built on scaffolder would call, and check what
it returns: results as dataclasses, conflicts as data, bad input as ScaffoldError.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scaffolder import answers, api, gitrepo
from tests.harness.releases import Release, commit_as_learner, git, has_conflict_markers

STACK = "express-mongo"  # the quickest to render; the API does not depend on the stack
KEEPING_UP = "## Keeping up to date"


@pytest.fixture
def released(release: Release, monkeypatch: pytest.MonkeyPatch) -> Release:
    """The release's templates as this process's installed templates, at its version."""
    for key, value in release.env().items():
        monkeypatch.setenv(key, value)
    return release


def bump(release: Release, monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    release.version = version
    monkeypatch.setenv("SCAFFOLDER_TEMPLATES_VERSION", version)


def test_stacks_are_the_templates_stack_files(released: Release) -> None:
    stacks = api.stacks()
    assert [s.id for s in stacks] == sorted(p.parent.name for p in
                                             released.templates.glob("*/stack.yml"))
    assert all(isinstance(s, api.Stack) and s.toolchain for s in stacks)


def test_new_returns_the_project_it_generated(released: Release, tmp_path: Path) -> None:
    created = api.new(STACK, tmp_path / "shop", data={"description": "A shop"})

    assert created == api.Created(path=tmp_path / "shop", stack=STACK, project_name="shop")
    recorded = answers.read(created.path)
    assert recorded["stack"] == STACK and recorded["description"] == "A shop"
    assert git(created.path, "status", "--porcelain") == ""
    assert len(git(created.path, "log", "--oneline").splitlines()) == 1


def test_new_without_a_folder_asks_the_name_and_uses_its_slug(
    released: Release, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    asked: list[str] = []

    def ask(default: str) -> str:
        asked.append(default)
        return "My Shop"

    created = api.new(STACK, git=False, ask_project_name=ask)

    assert asked == ["my-api"]
    assert created.path == Path("my-shop") and created.project_name == "My Shop"
    assert (tmp_path / "my-shop" / "package.json").is_file()
    assert not (tmp_path / "my-shop" / ".git").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"stack": "cobol-db2"}, "unknown stack 'cobol-db2'"),
        ({"stack": STACK, "dest": "  "}, "destination folder name is empty"),
        ({"stack": STACK, "data": {"colour": "red"}}, "'colour' is not a question"),
        ({"stack": STACK, "data": {"project_name": "1st"}}, "is not usable"),
    ],
)
def test_bad_input_is_a_scaffold_error_and_writes_nothing(
    released: Release, tmp_path: Path, kwargs: dict, message: str
) -> None:
    kwargs.setdefault("dest", tmp_path / "p")
    with pytest.raises(api.ScaffoldError, match=message):
        api.new(**kwargs)
    assert not (tmp_path / "p").exists()


def test_versions_and_an_update_that_merges_cleanly(
    released: Release, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = api.new(STACK, tmp_path / "p").path
    assert api.template_versions(project) == api.TemplateVersions("1.0.0", "1.0.0")
    assert api.update(project).up_to_date

    bump(released, monkeypatch, "1.1.0")
    released.edit("_shared/README.md.jinja", KEEPING_UP + "\n",
                  KEEPING_UP + "\n\nRun `scaffold update` every few weeks.\n")
    versions = api.template_versions(project)
    assert (versions.current, versions.newest, versions.up_to_date) == ("1.0.0", "1.1.0", False)

    preview = api.update(project, dry_run=True)
    assert (preview.old, preview.new) == ("1.0.0", "1.1.0")
    assert "+Run `scaffold update` every few weeks." in preview.diff
    assert git(project, "status", "--porcelain") == ""  # a dry run changes nothing

    outcome = api.update(project)
    assert not outcome.needs_attention and outcome.attention() == ""
    assert any(line.endswith("README.md") for line in outcome.changed)
    assert answers.read(project)["_commit"] == "1.1.0"


def test_an_update_with_conflicts_returns_them_instead_of_raising(
    released: Release, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = api.new(STACK, tmp_path / "p").path
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace(KEEPING_UP, "## Staying current (mine)"))
    commit_as_learner(project, "Reword a heading")
    bump(released, monkeypatch, "1.1.0")
    released.edit("_shared/README.md.jinja", KEEPING_UP, "## Updating from the template")

    preview = api.update(project, dry_run=True)
    outcome = api.update(project)

    assert preview.conflicts == outcome.conflicts == ["README.md"]
    assert outcome.needs_attention
    assert "conflicts in 1 file(s): README.md" in outcome.attention()
    assert has_conflict_markers(readme.read_text())


def test_a_git_template_source_is_versioned_by_its_tags(
    release: Release, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCAFFOLDER_HOME", str(release.home))
    source = release.templates
    git(source, "init", "-q", "--initial-branch=main")
    identity = ["-c", "user.name=Instructor", "-c", "user.email=i@example.com"]

    def release_as(*tags: str) -> None:
        git(source, "add", "--all")
        git(source, *identity, "commit", "-q", "--allow-empty", "-m", f"course {tags}")
        for name in tags:
            git(source, "tag", name)

    release_as("1.0.0")
    release_as("1.1.0rc1", "not-a-version")  # neither is a release to update to
    project = api.new(STACK, tmp_path / "p", template_source=str(source)).path
    assert answers.read(project)["_commit"] == "1.0.0"  # the newest release, as Copier picks

    released_readme = source / "_shared" / "README.md.jinja"
    released_readme.write_text(released_readme.read_text() + "\nWeek 2: pagination.\n")
    release_as("1.2.0")

    assert api.template_versions(project) == api.TemplateVersions("1.0.0", "1.2.0")
    outcome = api.update(project)
    assert outcome.new == "1.2.0" and not outcome.needs_attention
    assert "Week 2: pagination." in (project / "README.md").read_text()


@pytest.mark.parametrize(
    ("tags", "newest"),
    [
        (["0.9.0", "0.10.0", "0.2.0"], "0.10.0"),  # by version, not by text
        (["1.0.0", "2.0.0rc1", "v1.1"], "v1.1"),  # pre-releases aside; 'v' is PEP 440
        (["latest", "main"], None),
        ([], None),
    ],
)
def test_newest_version_of_tags(tags: list[str], newest: str | None) -> None:
    assert gitrepo.newest_version(tags) == newest


def test_an_unreachable_template_source_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(api.ScaffoldError):
        gitrepo.remote_tags(str(tmp_path / "no-such-repository"))


def test_the_template_writes_the_answers_file_as_the_answers_module_does(
    released: Release, tmp_path: Path
) -> None:
    """Copier's own rendering (no rewrite by scaffolder), with values that YAML quotes."""
    import copier

    copier_yml = yaml.safe_load((released.templates / "copier.yml").read_text().split("---")[0])
    assert copier_yml["_answers_file"] == answers.FILE
    dest = tmp_path / "rendered"
    values = {
        "stack": STACK,
        "project_name": "Cafe API",
        "description": "Tasks: «quoted», 'single', \"double\", # not a comment " + "long " * 20,
        "author_name": "Zoë O'Brien",
        "secret_key": "x" * 64,
    }
    copier.run_copy(str(released.templates), str(dest), data=values, defaults=True,
                    quiet=True, unsafe=False)

    written = (dest / answers.FILE).read_text(encoding="utf-8")
    assert written.startswith(answers.HEADER)
    assert answers.render(answers.load(dest)) == written
    assert answers.load(dest)["description"] == values["description"]


def test_recording_the_source_changes_only_the_source_lines(tmp_path: Path) -> None:
    (tmp_path / answers.FILE).write_text(
        answers.render({"_src_path": "/tmp/t", "stack": STACK, "project_name": "p"}))
    answers.record_source(tmp_path, "~/.local/share/scaffolder/templates", "0.1.0")
    assert (tmp_path / answers.FILE).read_text() == answers.HEADER + (
        "_commit: 0.1.0\n_src_path: ~/.local/share/scaffolder/templates\n"
        "project_name: p\nstack: express-mongo\n")


def test_the_api_module_is_light_to_import() -> None:
    """`import scaffolder.api` is what the CLI pays at start-up: no Copier, Jinja, YAML."""
    probe = ("import sys, scaffolder.api; "
             "print(sorted({'copier', 'jinja2', 'yaml', 'packaging'} & set(sys.modules)))")
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=repo, env={**os.environ, "PYTHONPATH": str(repo)})
    assert result.stdout.strip() == "[]"


REPO_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.mark.parametrize(("stack", "data", "refused_by_scaffold"), [
    (STACK, {"project_name": "1api"}, True),
    (STACK, {"project_name": "my.api"}, True),
    (STACK, {"project_name": "api-🚀"}, True),
    ("spring-oracle", {"project_name": "do"}, True),  # a Java keyword, from stack.yml
    ("spring-oracle", {"project_name": "shop", "java_package": "com.class.shop"}, False),
    ("spring-oracle", {"project_name": "shop", "java_package": "org.null"}, False),
])
def test_copier_refuses_what_scaffold_refuses_from_the_same_rules(
    tmp_path: Path, stack: str, data: dict[str, str], refused_by_scaffold: bool
) -> None:
    """The name pattern (_shared/project-name.yml) and Java's keywords (spring-oracle's
    stack.yml) are written once; copier.yml and questions.yml read them, as names.py does."""
    import copier

    from scaffolder import catalogue, names

    chosen = catalogue.find(catalogue.load(REPO_TEMPLATES), stack)
    pattern = names.name_pattern(REPO_TEMPLATES)
    if refused_by_scaffold:
        with pytest.raises(api.ScaffoldError):
            names.validated_identifier(data["project_name"], chosen, pattern)
    else:  # a package segment scaffold's name check does not see, only Copier's validator
        names.validated_identifier(data["project_name"], chosen, pattern)
        segments = set(data["java_package"].split("."))
        assert segments & chosen.identifier.reserved  # the keyword the validator must see
    with pytest.raises(ValueError, match="Validation error"):
        copier.run_copy(str(REPO_TEMPLATES), str(tmp_path / "p"), data={"stack": stack, **data},
                        defaults=True, quiet=True, unsafe=False)


@pytest.mark.parametrize("name", ["my-api", "My  Great_API 2", "-Shop--", "a__b c"])
def test_the_folder_slug_is_copier_ymls_project_slug(name: str) -> None:
    """names.slugify names the folder before Copier renders `project_slug` from the same name."""
    from jinja2 import Environment

    from scaffolder import names

    questions = yaml.safe_load((REPO_TEMPLATES / "copier.yml").read_text().split("---")[0])
    env = Environment(extensions=["jinja2_ansible_filters.AnsibleCoreFiltersExtension"])
    rendered = env.from_string(questions["project_slug"]["default"]).render(project_name=name)
    assert names.slugify(name) == rendered
