"""`scaffold update` for every stack: a project generated at template version N gets
the edits a learner makes (a test, a model field and its migration, the README, a
new file) and is updated to N+1. Every learner edit survives, every template change
that does not touch the learner's lines arrives, and each true conflict is listed
on stderr and left as `<<<<<<<` markers (exit 2). Nothing is ever silently lost.

Rendering only (no network, no database), except the django-postgres test at the
end, which runs the updated project's own migrations, tests and lint on PostgreSQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.harness import commands
from tests.harness.releases import Release, commit_as_learner, git
from tests.harness.scaffold import generate


@dataclass(frozen=True)
class Change:
    """Replace the first `old` with `new` in `path` (a file of the generated project)."""

    path: str
    old: str
    new: str


@dataclass(frozen=True)
class StackEdits:
    stack: str
    learner: tuple[Change, ...]  # edits an existing test and adds a field to a model
    new_files: dict[str, str]  # the migration of that field (for Mongo: none, the schema is it)
    template: tuple[Change, ...]  # N+1: other regions of the same test and model files
    untouched: Change  # N+1: a file the learner never edits
    conflict_learner: Change  # the same lines, changed by both sides
    conflict_template: Change


STACKS = [
    StackEdits(
        stack="django-postgres",
        learner=(
            Change("tests/unit/test_validation.py",
                   'TaskSerializer(data={"title": "  Buy milk  "})\n'
                   "    assert serializer.is_valid(), serializer.errors\n"
                   '    assert serializer.validated_data["title"] == "Buy milk"',
                   'TaskSerializer(data={"title": "  Buy oat milk  "})\n'
                   "    assert serializer.is_valid(), serializer.errors\n"
                   '    assert serializer.validated_data["title"] == "Buy oat milk"'),
            Change("tasks/models.py",
                   "    due_date = models.DateField(null=True, blank=True)\n",
                   "    due_date = models.DateField(null=True, blank=True)\n"
                   "    # 0 (none) to 3 (urgent): my first field of my own.\n"
                   "    priority = models.PositiveSmallIntegerField(default=0)\n"),
        ),
        new_files={"tasks/migrations/0004_task_priority.py": """\
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('tasks', '0003_task_counts'),
    ]

    operations = [
        migrations.AddField(
            model_name='task',
            name='priority',
            field=models.PositiveSmallIntegerField(default=0),
        ),
    ]
"""},
        template=(
            Change("tests/unit/test_validation.py",
                   '"""The serializers\' rules, without a database or HTTP."""',
                   '"""The serializers\' rules on their own: no database, no HTTP."""'),
            Change("tasks/models.py",
                   "    def __str__(self) -> str:\n        return self.title",
                   "    def __str__(self) -> str:\n"
                   "        # What the admin and the shell show for a task.\n"
                   "        return self.title"),
        ),
        untouched=Change("Makefile", "migrate: ## Apply the database migrations",
                         "migrate: ## Apply the database migrations (manage.py migrate)"),
        conflict_learner=Change("tasks/models.py",
                                '    title = models.CharField(max_length=200, db_collation="C")',
                                '    title = models.CharField(max_length=120, db_collation="C")'),
        conflict_template=Change("tasks/models.py",
                                 '    title = models.CharField(max_length=200, db_collation="C")',
                                 '    title = models.CharField(max_length=200, db_collation="C", '
                                 'db_comment="What to do")'),
    ),
    StackEdits(
        stack="express-mongo",
        learner=(
            Change("tests/unit/schemas.test.js",
                   "{ email: ' Bob@Example.ORG ', password: '12345678' });\n"
                   "    expect(data.email).toBe('bob@example.org');",
                   "{ email: ' Ada@Example.ORG ', password: '12345678' });\n"
                   "    expect(data.email).toBe('ada@example.org');"),
            Change("src/models/task.js",
                   "    dueDate: { type: Date, default: null },\n",
                   "    dueDate: { type: Date, default: null },\n"
                   "    // 0 (none) to 3 (urgent): my first field of my own.\n"
                   "    priority: { type: Number, min: 0, max: 3, default: 0 },\n"),
            Change("src/models/task.js",
                   "        dueDate: ret.dueDate ? ret.dueDate.toISOString().slice(0, 10) : null,\n",
                   "        dueDate: ret.dueDate ? ret.dueDate.toISOString().slice(0, 10) : null,\n"
                   "        priority: ret.priority,\n"),
        ),
        new_files={},
        template=(
            Change("tests/unit/schemas.test.js",
                   "  test('list query: defaults and coercion of query strings', () => {",
                   "  test('list query: defaults, and query strings coerced to numbers', () => {"),
            Change("src/models/task.js",
                   "taskSchema.index({ owner: 1, title: 1, _id: 1 });\n",
                   "taskSchema.index({ owner: 1, title: 1, _id: 1 });\n"
                   "taskSchema.index({ owner: 1, status: 1, createdAt: -1, _id: -1 });\n"),
        ),
        untouched=Change("Makefile", "migrate: ## Make the database indexes match the Mongoose schemas",
                         "migrate: ## Make the database indexes match the Mongoose models"),
        conflict_learner=Change("src/models/task.js",
                                "    status: { type: String, enum: STATUSES, default: 'todo' },",
                                "    status: { type: String, enum: STATUSES, default: 'doing' },"),
        conflict_template=Change("src/models/task.js",
                                 "    status: { type: String, enum: STATUSES, default: 'todo' },",
                                 "    status: { type: String, enum: STATUSES, default: 'todo', required: true },"),
    ),
    StackEdits(
        stack="laravel-mysql",
        learner=(
            Change("tests/Unit/ProblemDetailsTest.php",
                   "new RuntimeException('SQLSTATE secret')",
                   "new RuntimeException('SQLSTATE[42S02] secret_table not found')"),
            Change("app/Models/Task.php",
                   "        'due_date',\n    ];",
                   "        'due_date',\n        'priority',\n    ];"),
            Change("app/Models/Task.php",
                   "        'due_date' => 'date:Y-m-d',\n",
                   "        'due_date' => 'date:Y-m-d',\n        'priority' => 'integer',\n"),
        ),
        new_files={"database/migrations/2026_12_01_000000_add_priority_to_tasks_table.php": """\
<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('tasks', function (Blueprint $table) {
            $table->unsignedTinyInteger('priority')->default(0)->after('due_date');
        });
    }

    public function down(): void
    {
        Schema::table('tasks', function (Blueprint $table) {
            $table->dropColumn('priority');
        });
    }
};
"""},
        template=(
            Change("tests/Unit/ProblemDetailsTest.php",
                   "class ProblemDetailsTest extends TestCase",
                   "/** Problem details, rendered without the HTTP kernel. */\n"
                   "class ProblemDetailsTest extends TestCase"),
            Change("app/Models/Task.php",
                   "    public function user(): BelongsTo",
                   "    /** The owner: a task is only ever read through its user. */\n"
                   "    public function user(): BelongsTo"),
        ),
        untouched=Change("Makefile", "migrate: ## Apply the database migrations",
                         "migrate: ## Apply the database migrations (artisan migrate)"),
        conflict_learner=Change("app/Models/Task.php", "        'status' => 'todo',",
                                "        'status' => 'doing',"),
        conflict_template=Change("app/Models/Task.php", "        'status' => 'todo',",
                                 "        'status' => TaskStatus::Todo->value,"),
    ),
    StackEdits(
        stack="spring-oracle",
        learner=(
            Change("src/test/java/com/example/myapi/task/IsoDateTest.java",
                   '{"2026-01-31", "2024-02-29", "1999-12-31"}',
                   '{"2026-01-31", "2024-02-29", "1999-12-31", "2000-02-29"}'),
            Change("src/main/java/com/example/myapi/task/Task.java",
                   "    private LocalDate dueDate;\n",
                   "    private LocalDate dueDate;\n\n"
                   "    // 0 (none) to 3 (urgent): my first field of my own.\n"
                   "    @Column(nullable = false)\n"
                   "    private int priority;\n"),
            Change("src/main/java/com/example/myapi/task/Task.java",
                   "    public Instant getCreatedAt() {",
                   "    public int getPriority() {\n        return priority;\n    }\n\n"
                   "    public void setPriority(int priority) {\n        this.priority = priority;\n    }\n\n"
                   "    public Instant getCreatedAt() {"),
        ),
        new_files={"src/main/resources/db/migration/V2__add_task_priority.sql":
                   "ALTER TABLE tasks ADD priority NUMBER(1) DEFAULT 0 NOT NULL;\n"},
        template=(
            Change("src/test/java/com/example/myapi/task/IsoDateTest.java",
                   '                "2026-13-01",\n',
                   '                "2026-13-01",\n                "2026-00-10",\n'),
            Change("src/main/java/com/example/myapi/task/Task.java",
                   "    // Millisecond precision: what a client sees right after a write is what it"
                   " reads back later.",
                   "    // Millisecond precision, as the database stores it: what a client sees"
                   " after a write it reads back later."),
        ),
        untouched=Change("Makefile", "migrate: ## Apply the Flyway migrations",
                         "migrate: ## Apply the Flyway migrations (src/main/resources/db/migration)"),
        conflict_learner=Change("src/main/java/com/example/myapi/task/Task.java",
                                "    private TaskStatus status = TaskStatus.TODO;",
                                "    private TaskStatus status = TaskStatus.DOING;"),
        conflict_template=Change("src/main/java/com/example/myapi/task/Task.java",
                                 "    private TaskStatus status = TaskStatus.TODO;",
                                 "    private TaskStatus status = TaskStatus.defaultStatus();"),
    ),
    StackEdits(
        stack="rails-postgres",
        learner=(
            Change("test/models/task_test.rb",
                   'create!(title: "  Tidy up  ")\n\n    assert_equal "Tidy up", task.title',
                   'create!(title: "  Water the plants  ")\n\n'
                   '    assert_equal "Water the plants", task.title'),
            Change("app/models/task.rb",
                   "  validates :description, length: { maximum: 2000 }, allow_nil: true\n",
                   "  validates :description, length: { maximum: 2000 }, allow_nil: true\n"
                   "  validates :priority, numericality: { only_integer: true, in: 0..3 }\n"),
            # What `bin/rails db:migrate` writes back, and the learner commits.
            Change("db/schema.rb", "define(version: 2026_11_29_000004)",
                   "define(version: 2026_12_01_000000)"),
            Change("db/schema.rb", '    t.date "due_date"\n',
                   '    t.date "due_date"\n    t.integer "priority", default: 0, null: false\n'),
        ),
        new_files={"db/migrate/20261201000000_add_priority_to_tasks.rb": """\
class AddPriorityToTasks < ActiveRecord::Migration[8.1]
  def change
    add_column :tasks, :priority, :integer, null: false, default: 0
  end
end
"""},
        template=(
            Change("test/models/task_test.rb",
                   '[ "2026-02-30", "31/12/2026", "soon" ]',
                   '[ "2026-02-30", "2026-13-01", "31/12/2026", "soon" ]'),
            Change("app/models/task.rb",
                   "    # Active Record turns an unparseable date into nil; say so instead of dropping it.",
                   "    # Active Record casts an unparseable date to nil: report it rather than drop it."),
        ),
        untouched=Change("Makefile",
                         "migrate: ## Create the database if needed, then apply pending migrations",
                         "migrate: ## Create the database if needed, then run pending migrations"),
        conflict_learner=Change("app/models/task.rb",
                                "  validates :title, presence: true, length: { maximum: 200 }",
                                "  validates :title, presence: true, length: { maximum: 120 }"),
        conflict_template=Change("app/models/task.rb",
                                 "  validates :title, presence: true, length: { maximum: 200 }",
                                 "  validates :title, presence: true, length: { in: 1..200 }"),
    ),
]  # fmt: skip

# Every stack's README comes from _shared/README.md.jinja: the learner writes under the
# title, the template changes the end of the file; in the conflict, both change a heading.
README_TEMPLATE = "_shared/README.md.jinja"
KEEPING_UP = "## Keeping up to date\n"
LEARNER_README_LINE = "My portfolio project: I added task priorities.\n"
TEMPLATE_README_LINE = "Run `scaffold check` every few weeks to see whether a new version is out.\n"
CONFLICT_HEADING_LEARNER = "## Keeping this project up to date (my wording)\n"
CONFLICT_HEADING_TEMPLATE = "## Updating from the template\n"
NOTES = ("NOTES.md", "# Notes\n\nIdeas for next week: reminders before the due date.\n")
ANSWERS = ".copier-answers.yml"


def conflict_marked(text: str) -> bool:
    lines = text.splitlines()
    return (any(line.startswith("<<<<<<< ") for line in lines) and "=======" in lines
            and any(line.startswith(">>>>>>> ") for line in lines))


def apply(project: Path, change: Change) -> None:
    path = project / change.path
    text = path.read_text()
    assert text.count(change.old) == 1, f"{change.old!r} is not once in {change.path}"
    path.write_text(text.replace(change.old, change.new, 1))


def release_change(release: Release, stack: str, change: Change) -> None:
    release.edit(release.template_of(stack, change.path), change.old, change.new)


def readme_after_title(project: Path, line: str) -> None:
    readme = project / "README.md"
    title, rest = readme.read_text().split("\n", 1)
    readme.write_text(f"{title}\n\n{line}{rest}")


def changed_files(project: Path) -> set[str]:
    """Files the update changed, added or deleted (the learner's work was committed)."""
    return {line[3:] for line in git(project, "status", "--porcelain",
                                     "--untracked-files=all").splitlines()}


def generate_at(release: Release, edits: StackEdits, parent: Path) -> Path:
    project = generate(edits.stack, parent, env=release.env())
    assert yaml.safe_load((project / ANSWERS).read_text())["_commit"] == release.version
    return project


def update_with_learner_edits(edits: StackEdits, tmp_path: Path) -> tuple[Path, Release]:
    """Generate at 1.0.0, make and commit the learner's edits, release 1.1.0, update."""
    release = Release(tmp_path)
    project = generate_at(release, edits, tmp_path)
    for change in edits.learner:
        apply(project, change)
    for name, content in {**edits.new_files, NOTES[0]: NOTES[1]}.items():
        assert not (project / name).exists(), name
        (project / name).write_text(content)
    readme_after_title(project, LEARNER_README_LINE)
    commit_as_learner(project, "Task priorities, my notes")

    release.version = "1.1.0"
    for change in (*edits.template, edits.untouched):
        release_change(release, edits.stack, change)
    release.edit(README_TEMPLATE, KEEPING_UP, f"{KEEPING_UP}\n{TEMPLATE_README_LINE}")

    result = release.run("update", str(project), cwd=tmp_path)
    assert result.returncode == 0, f"[{edits.stack}] {result.stdout}{result.stderr}"
    assert "1.0.0 to 1.1.0" in result.stdout, result.stdout
    return project, release


@pytest.mark.parametrize("edits", STACKS, ids=lambda edits: edits.stack)
def test_learner_edits_survive_and_template_changes_arrive(edits: StackEdits,
                                                           tmp_path: Path) -> None:
    project, _ = update_with_learner_edits(edits, tmp_path)
    stack = edits.stack

    for change in (*edits.learner, *edits.template, edits.untouched):
        text = (project / change.path).read_text()
        assert change.new in text, f"[{stack}] lost from {change.path}:\n{change.new}"
        assert not conflict_marked(text), f"[{stack}] conflict markers in {change.path}"
    for name, content in {**edits.new_files, NOTES[0]: NOTES[1]}.items():
        assert (project / name).read_text() == content, f"[{stack}] {name} changed"
    readme = (project / "README.md").read_text()
    assert LEARNER_README_LINE in readme and TEMPLATE_README_LINE in readme, readme
    assert not conflict_marked(readme)
    assert yaml.safe_load((project / ANSWERS).read_text())["_commit"] == "1.1.0"
    # Exactly the files the new version changed are touched: none deleted, none added.
    expected = {change.path for change in (*edits.template, edits.untouched)}
    assert changed_files(project) == expected | {"README.md", ANSWERS}, stack


@pytest.mark.parametrize("edits", STACKS, ids=lambda edits: edits.stack)
def test_true_conflicts_are_listed_and_left_as_markers(edits: StackEdits,
                                                       tmp_path: Path) -> None:
    stack = edits.stack
    release = Release(tmp_path)
    project = generate_at(release, edits, tmp_path)
    apply(project, edits.conflict_learner)
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace(KEEPING_UP, CONFLICT_HEADING_LEARNER, 1))
    (project / NOTES[0]).write_text(NOTES[1])
    commit_as_learner(project, "My wording")

    release.version = "1.1.0"
    release_change(release, stack, edits.conflict_template)
    release_change(release, stack, edits.untouched)
    release.edit(README_TEMPLATE, KEEPING_UP, CONFLICT_HEADING_TEMPLATE)

    result = release.run("update", str(project), cwd=tmp_path)

    assert result.returncode == 2, f"[{stack}] {result.returncode}\n{result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    conflicted = sorted(["README.md", edits.conflict_learner.path])
    listed = re.search(r"conflicts in \d+ file\(s\): (.*?); resolve", result.stderr)
    assert listed, f"[{stack}] no conflict list on stderr: {result.stderr}"
    assert sorted(listed.group(1).split(", ")) == conflicted, result.stderr
    for name, mine, theirs in [
        ("README.md", CONFLICT_HEADING_LEARNER, CONFLICT_HEADING_TEMPLATE),
        (edits.conflict_learner.path, edits.conflict_learner.new, edits.conflict_template.new),
    ]:
        text = (project / name).read_text()
        assert conflict_marked(text), f"[{stack}] no markers in {name}:\n{text}"
        assert mine in text and theirs in text, f"[{stack}] a side is missing in {name}:\n{text}"
    untouched = (project / edits.untouched.path).read_text()
    assert edits.untouched.new in untouched and not conflict_marked(untouched)
    assert (project / NOTES[0]).read_text() == NOTES[1]
    assert changed_files(project) == {*conflicted, edits.untouched.path, ANSWERS}, stack


# Runs the updated project: PyPI for its virtualenv (shared with the stack tests) and a
# real PostgreSQL server. The other tests of this file only render templates.
@pytest.mark.stack("django-postgres")
def test_django_project_still_passes_its_own_tests_after_the_update(
        postgres, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.stacks import django_postgres

    django_postgres.require_toolchain()
    edits = next(edits for edits in STACKS if edits.stack == django_postgres.STACK)
    project, _ = update_with_learner_edits(edits, tmp_path)
    # `make setup` once per session: the session's prepared project has the same pinned
    # requirements (checked here), so its virtualenv serves this project too.
    prepared = django_postgres.prepared_project(tmp_path_factory.mktemp("django-postgres-ready"))
    for name in ("requirements.txt", "requirements-dev.txt"):
        assert (project / name).read_text() == (prepared / name).read_text(), name
    env = {**django_postgres.project_env(postgres.url("update_stacks")),
           "VENV": str(prepared / ".venv")}

    migrated = commands.run(edits.stack, ["make", "migrate"], cwd=project, env=env)
    assert "Applying tasks.0004_task_priority... OK" in migrated.stdout, migrated.stdout
    tested = commands.run(edits.stack, ["make", "test"], cwd=project, env=env)
    summary = re.search(r"=+ (.*) in [\d.]+s", tested.stdout)
    assert summary and "passed" in summary.group(1), tested.stdout[-3000:]
    assert not re.search(r"\d+ (failed|error|skipped)", summary.group(1)), summary.group(1)
    # Lint includes `makemigrations --check`: the learner's field and migration still agree.
    linted = commands.run(edits.stack, ["make", "lint"], cwd=project, env=env)
    assert "No changes detected" in linted.stdout
