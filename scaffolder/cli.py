"""The `scaffold` command line: parse, call `scaffolder.api`, print, choose the exit code.

The API (and with it copier, yaml) is imported inside commands so that `scaffold --help`
and `scaffold list` start quickly."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from scaffolder.errors import ScaffoldError

if TYPE_CHECKING:
    from scaffolder.exercise.runner import RuleResult

app = typer.Typer(
    name="scaffold",
    help="Generate working, tested starter back-end projects to learn from.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _fail(message: str, code: int = 1) -> NoReturn:
    _print_error(message)
    raise typer.Exit(code)


@contextmanager
def _reported_errors(interrupted: str = "interrupted") -> Iterator[None]:
    """Whatever goes wrong reaches the user as one line and a non-zero exit, never a traceback."""
    try:
        yield
    except ScaffoldError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail(interrupted, 130)
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 — the last line of defence against tracebacks
        detail = str(exc).strip().splitlines()
        _fail(
            f"unexpected {type(exc).__name__}: {detail[0] if detail else ''} "
            "(please report this to scaffolder's issue tracker)"
        )


def run() -> None:
    """The `scaffold` command: `app`, with Click's usage errors in our one-line form."""
    try:
        code = app(prog_name="scaffold", standalone_mode=False)
    except typer.Abort:  # end of input or Ctrl-C at a prompt
        _print_error("aborted; nothing was written")
        code = 1
    except Exception as exc:
        # Click's own errors (unknown option, missing --stack, no such command...) carry
        # format_message() and exit_code; anything else is ours to report as a bug.
        if not (hasattr(exc, "format_message") and hasattr(exc, "exit_code")):
            raise
        message = exc.format_message().strip().rstrip(".")
        context = getattr(exc, "ctx", None)
        hint = f" (see `{context.command_path} --help`)" if context is not None else ""
        _print_error(message[:1].lower() + message[1:] + hint)
        code = exc.exit_code
    sys.exit(code if isinstance(code, int) else 0)


def _print_error(message: str) -> None:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)


def _version_callback(value: bool) -> None:
    if value:
        from scaffolder import __version__

        typer.echo(f"scaffold {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Generate working, tested starter back-end projects to learn from."""
    if ctx.invoked_subcommand is None:  # plain `scaffold`: show what it can do
        typer.echo(ctx.get_help())


@app.command("list")
def list_stacks(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show the stacks you can generate."""
    from scaffolder import api

    with _reported_errors():
        stacks = api.stacks()
    if as_json:
        import json

        typer.echo(json.dumps([s.summary() for s in stacks], indent=2))
        return
    from scaffolder import listing

    typer.echo(listing.render(stacks))


def _parse_data(pairs: list[str]) -> dict[str, str]:
    data = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ScaffoldError(f"--data takes KEY=VALUE, got '{pair}'")
        data[key.strip()] = value
    return data


@app.command()
def new(
    stack: Annotated[str, typer.Option("--stack", "-s", help="Stack id (see `scaffold list`).")],
    dest: Annotated[
        str | None, typer.Argument(help="Folder to create (default: the project name's slug).")
    ] = None,
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Ask nothing; use defaults.")
    ] = False,
    data: Annotated[
        list[str] | None,
        typer.Option("--data", "-d", metavar="KEY=VALUE", help="Answer a question (repeatable)."),
    ] = None,
    no_git: Annotated[
        bool, typer.Option("--no-git", help="Do not create a Git repository.")
    ] = False,
    template_source: Annotated[
        str | None,
        typer.Option(
            "--template-source", help="Generate from this template repository (path or Git URL)."
        ),
    ] = None,
) -> None:
    """Generate a new project."""
    from scaffolder import api

    with _reported_errors("interrupted; nothing was written"):
        if not defaults and not sys.stdin.isatty():
            # Copier would print its first question, then fail: say it in one line first.
            raise ScaffoldError(
                "there is no terminal to ask the questions in; pass --defaults "
                "(and --data KEY=VALUE for the answers you want)"
            )
        created = api.new(
            stack,
            dest,
            data=_parse_data(data or []),
            defaults=defaults,
            git=not no_git,
            template_source=template_source,
            ask_project_name=None
            if defaults
            else lambda default: typer.prompt("Project name", default=default),
        )
    typer.secho(f"Created {stack} project in {created.path}", fg=typer.colors.GREEN)
    typer.echo("Next:")
    import shlex

    folder = dest if dest is not None else str(created.path)
    for command in (f"cd {shlex.quote(folder)}", "make db-up setup migrate seed", "make run"):
        typer.echo(f"  {command}")


@app.command()
def update(
    path: Annotated[Path, typer.Argument(help="The project to update.")] = Path("."),
    to: Annotated[str | None, typer.Option("--to", help="Template version to update to.")] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Show the files and diff the update would make; change nothing."
        ),
    ] = False,
) -> None:
    """Bring template improvements into a project, keeping your edits."""
    from scaffolder import api

    with _reported_errors():
        outcome = api.update(path, to, dry_run=dry_run)
    if outcome.up_to_date:
        typer.echo(f"Already up to date (template version {outcome.new}).")
        return
    if dry_run:
        typer.echo(f"Updating from {outcome.old} to {outcome.new} would change:")
        for name in outcome.changed:
            typer.echo(f"  {name}{'  (conflict)' if name in outcome.conflicts else ''}")
        for name in outcome.kept:
            typer.echo(
                f"  {name}  (removed by {outcome.new}, but you changed it: your copy would be kept)"
            )
        for notice in outcome.notices:
            typer.echo(f"note: {notice}")
        typer.echo(outcome.diff, nl=False)
        return
    if outcome.needs_attention:  # done, but the learner must finish it: exit 2
        for notice in outcome.notices:
            typer.echo(f"note: {notice}")
        _fail(outcome.attention(), 2)
    typer.secho(
        f"Updated from {outcome.old} to {outcome.new}; "
        f"{len(outcome.changed)} file(s) changed. Review with `git diff`, then commit.",
        fg=typer.colors.GREEN,
    )
    for notice in outcome.notices:
        typer.echo(f"note: {notice}")


@app.command("check")
def check_versions(
    path: Annotated[Path, typer.Argument(help="The project to check.")] = Path("."),
) -> None:
    """Tell whether a newer template version exists for a project."""
    from scaffolder import api

    with _reported_errors():
        versions = api.template_versions(path)
    if versions.up_to_date:
        typer.echo(f"Up to date: template version {versions.current}.")
    else:
        typer.echo(
            "A newer template version is available: "
            f"{versions.current} -> {versions.newest} (run `scaffold update`)."
        )


@app.command()
def doctor(
    stack: Annotated[
        str | None, typer.Option("--stack", "-s", help="Check one stack only.")
    ] = None,
) -> None:
    """Check the tools a stack needs are installed."""
    from scaffolder import api

    with _reported_errors():
        findings = api.doctor(stack)
    missing_required = False
    for finding in findings:
        tool = finding.tool
        if finding.ok:
            typer.secho(
                f"ok       {tool.name} {finding.found} (≥ {tool.min})", fg=typer.colors.GREEN
            )
            continue
        state = "missing" if finding.found is None else f"too old ({finding.found})"
        optional = " (optional)" if tool.optional else ""
        typer.secho(
            f"{'warn' if tool.optional else 'missing':8} {tool.name}{optional}: {state}, "
            f"need ≥ {tool.min} — install: {tool.install}",
            fg=typer.colors.YELLOW if tool.optional else typer.colors.RED,
        )
        missing_required |= not tool.optional
    if missing_required:
        raise typer.Exit(1)


# --- scaffold exercise ... ------------------------------------------------------------------

exercise_app = typer.Typer(
    name="exercise",
    help="Practise in a generated project: exercises with briefs, checks and hints.",
    rich_markup_mode=None,
)
app.add_typer(exercise_app)


@exercise_app.callback(invoke_without_command=True)
def exercise_main(ctx: typer.Context) -> None:
    """Practise in a generated project: exercises with briefs, checks and hints."""
    if ctx.invoked_subcommand is None:  # plain `scaffold exercise`: show its commands
        typer.echo(ctx.get_help())


ProjectOption = Annotated[
    Path,
    typer.Option("--project", "-p", help="The generated project (default: the one you are in)."),
]


def _difficulty(level: int) -> str:
    return "●" * level + "○" * (3 - level)


@exercise_app.command("list")
def exercise_list(
    project: ProjectOption = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show the exercises for this project's stack, and your progress."""
    from scaffolder.exercise import api

    with _reported_errors():
        where = api.project(project)
        rows = api.list_exercises(where.path)
    if as_json:
        import json

        typer.echo(json.dumps([api.to_data(row) for row in rows], indent=2))
        return
    if not rows:
        typer.echo(f"No exercise for {where.stack} projects yet.")
        return
    typer.echo(f"Exercises for {where.stack} ({where.path.name}):")
    width = max((len(row.exercise.id) for row in rows), default=2)
    skill = max((len(row.exercise.skill) for row in rows), default=5)
    for row in rows:
        e = row.exercise
        typer.echo(
            f"  {e.number:>2}  {e.id:<{width}}  {e.skill:<{skill}}  {_difficulty(e.difficulty)}  "
            f"{e.title}  [{row.status}]"
        )
    typer.echo("Read one with `scaffold exercise show ID`.")


@exercise_app.command("show")
def exercise_show(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise's id.")],
    project: ProjectOption = Path("."),
) -> None:
    """Print an exercise's brief, API additions, checks and notes.

    The Markdown is rendered in a terminal and printed as is when piped."""
    from scaffolder.exercise import api

    with _reported_errors():
        text = api.show(project, exercise_id)
    if sys.stdout.isatty():  # rendered for a terminal; the Markdown itself when piped
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text, code_theme="ansi_dark"))
    else:
        typer.echo(text, nl=False)


@exercise_app.command("start")
def exercise_start(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise's id.")],
    project: ProjectOption = Path("."),
    restart: Annotated[
        bool, typer.Option("--restart", help="Start again from the current commit.")
    ] = False,
) -> None:
    """Record the commit you start an exercise from.

    Needs a clean Git tree; a second start needs --restart."""
    from scaffolder.exercise import api

    with _reported_errors():
        started = api.start(project, exercise_id, restart=restart)
    again = "Restarted" if started.restarted else "Started"
    typer.secho(
        f"{again} {started.exercise.id} at commit {started.commit[:7]}.", fg=typer.colors.GREEN
    )
    typer.echo(f"Read the brief:  scaffold exercise show {started.exercise.id}")
    typer.echo(f"Check your work: scaffold exercise check {started.exercise.id}")


@exercise_app.command("check")
def exercise_check(
    exercise_ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Exercises to check (default: those started)."),
    ] = None,
    project: ProjectOption = Path("."),
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url", help="Check a server you run yourself, e.g. http://localhost:8000."
        ),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url", help="Create the throwaway database on this server instead."
        ),
    ] = None,
    json_file: Annotated[
        Path | None,
        typer.Option("--json", help="Also write the results as JSON (results.json v3) here."),
    ] = None,
) -> None:
    """Run the checks against your server, on a throwaway database.

    Exit 0: every rule passes; 1: a rule failed; 2: the check could not run."""
    from scaffolder.exercise import api, report

    headed: set[str] = set()

    def shown(result: RuleResult) -> None:  # each rule as soon as it has run
        if result.exercise_id not in headed:
            headed.add(result.exercise_id)
            typer.echo(result.exercise_id)
        for line in report.result_lines(result):
            typer.secho(line, fg=None if result.passed else typer.colors.RED)

    with _reported_errors():
        run = api.check(
            project,
            exercise_ids or [],
            base_url=base_url,
            database_url=database_url,
            json_path=json_file,
            progress=lambda line: typer.echo(line, err=True),
            on_result=shown,
        )
    if run.server_env and run.exit_code != 0:
        env = " ".join(f"{key}={value}" for key, value in run.server_env.items())
        typer.echo(f"(the check expects your server to run with {env})")
    if run.could_not_run is not None:
        _print_error(f"could not run the check: {run.could_not_run}")
    else:
        colour = typer.colors.GREEN if run.exit_code == 0 else typer.colors.RED
        typer.secho(report.verdict(run), fg=colour)
    for exercise in run.exercises if run.could_not_run is None else []:
        if exercise.passed:
            typer.secho(
                f"Passed {exercise.exercise_id}: recorded in .scaffold/progress.yml; "
                "`scaffold exercise progress --write-readme` adds it to your README.",
                fg=typer.colors.GREEN,
            )
        else:
            typer.echo(f"More help: scaffold exercise hint {exercise.exercise_id}")
    raise typer.Exit(run.exit_code)


@exercise_app.command("hint")
def exercise_hint(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise's id.")],
    project: ProjectOption = Path("."),
) -> None:
    """Show the next hint for your last check's first failing rule."""
    from scaffolder.exercise import api

    with _reported_errors():
        given = api.hint(project, exercise_id)
    why = "it failed in your last check" if given.failing else "the first rule"
    typer.echo(f"Hint {given.number} of {given.total} for `{given.rule}` ({why}):")
    typer.echo(f"  {given.text}")
    if given.number == given.total:
        typer.echo("That is the last hint for this rule.")


@exercise_app.command("progress")
def exercise_progress(
    project: ProjectOption = Path("."),
    write_readme: Annotated[
        bool,
        typer.Option("--write-readme", help="Write the 'Practice log' section of README.md."),
    ] = False,
) -> None:
    """Show what you started and passed, at which commit."""
    from scaffolder.exercise import api

    with _reported_errors():
        report = api.progress(project, write_readme=write_readme)
    for row in report.rows:
        typer.echo(f"  {row.exercise.number:>2}  {row.exercise.id}: {row.status}")
    if report.readme is not None:
        typer.echo(f"Wrote the Practice log in {report.readme.name}; commit it with your work.")
