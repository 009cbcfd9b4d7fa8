"""Static checks of the generated files that CI cannot run (no Docker engine, no GitHub runner):
each stack's workflows with actionlint, its compose files (with and without `.env`) with
Compose's own `config`, its dev container with the Dev Containers CLI, its Dockerfiles with
hadolint. The tools come from .ci/provision/static-checks.sh; without them a test skips,
except in CI (SCAFFOLDER_REQUIRE_TOOLCHAINS=1), where it fails.

A failure names the stack and shows the tool's own output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.harness.scaffold import generate
from tests.harness.toolchain import unavailable

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STACK_DATA = {
    data["id"]: data
    for data in (yaml.safe_load(p.read_text()) for p in sorted(TEMPLATES.glob("*/stack.yml")))
}
STACKS = [pytest.param(stack, marks=pytest.mark.stack(stack), id=stack) for stack in STACK_DATA]
TOOLS = Path.home() / ".cache" / "scaffolder-ci" / "static-checks" / "bin"
PROVISION = "bash .ci/provision/static-checks.sh"
BASE_COMPOSE = "docker-compose.yml"
DEV_COMPOSE = ".devcontainer/docker-compose.devcontainer.yml"
DOCKER_WITHOUT_ENGINE = Path(__file__).resolve().parent / "tools" / "docker-without-engine"


def tool(name: str) -> str:
    """The linter built by the provision script, else one on PATH."""
    built = TOOLS / name
    if built.exists():
        return str(built)
    found = shutil.which(name)
    if found is None:
        unavailable(f"{name} is not installed (run `{PROVISION}`)")
    return found


def run(command: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # A clean environment: a variable exported in the shell that runs the tests must not
    # stand in for a missing `.env` (or change how a tool reads its configuration).
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        text=True,
        capture_output=True,
        check=False,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def output(result: subprocess.CompletedProcess[str]) -> str:
    command = " ".join(map(str, result.args))
    return f"$ {command}  (exit {result.returncode})\n{result.stdout}{result.stderr}"


@pytest.fixture(scope="module", params=STACKS)
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stack's project as `scaffold new` renders it (with the `.env` it writes)."""
    return generate(request.param, tmp_path_factory.mktemp(request.param), git=False)


@pytest.fixture(scope="module")
def fresh_clone(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same project as a fresh clone has it: no `.env` (it is git-ignored)."""
    clone = tmp_path_factory.mktemp("fresh-clone") / project.name
    shutil.copytree(project, clone, ignore=shutil.ignore_patterns(".env"))
    assert not (clone / ".env").exists()
    return clone


def stack_of(project: Path) -> str:
    return yaml.safe_load((project / ".copier-answers.yml").read_text())["stack"]


# Workflows ------------------------------------------------------------------------------


def workflows(project: Path) -> list[Path]:
    found = sorted((project / ".github" / "workflows").glob("*.y*ml"))
    assert found, f"[{stack_of(project)}] no workflow in .github/workflows"
    return found


def test_workflows_pass_actionlint(project: Path) -> None:
    actionlint = tool("actionlint")
    # shellcheck and pyflakes off: actionlint runs them only when they happen to be on PATH,
    # and a check must not pass on one machine and fail on another.
    result = run(
        [
            actionlint,
            "-no-color",
            "-shellcheck=",
            "-pyflakes=",
            *(str(p.relative_to(project)) for p in workflows(project)),
        ],
        project,
    )
    assert result.returncode == 0, f"[{stack_of(project)}] actionlint:\n{output(result)}"


# The first major of each official action whose runtime is Node 24 (the hosted runners
# dropped Node 20). Actions of other owners here move one major tag (`@v1`, `@v2`) along.
NODE_24_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-node": 5,
    "actions/setup-python": 6,
    "actions/setup-java": 5,
    "actions/setup-go": 6,
    "actions/cache": 5,
    "actions/upload-artifact": 6,
    "actions/download-artifact": 7,
}


def test_actions_run_on_node_24(project: Path) -> None:
    stack = stack_of(project)
    outdated = []
    for path in workflows(project):
        for line_no, line in enumerate(path.read_text().splitlines(), 1):
            match = re.search(r"uses:\s*['\"]?(actions/[\w.-]+)@v(\d+)", line)
            if not match:
                continue
            action, major = match[1], int(match[2])
            assert action in NODE_24_MAJOR, (
                f"[{stack}] {path.name}:{line_no}: {action} is not in NODE_24_MAJOR; add the "
                "first major whose `runs.using` is node24"
            )
            if major < NODE_24_MAJOR[action]:
                outdated.append(
                    f"{path.name}:{line_no}: {line.strip()} "
                    f"(Node 24 from @v{NODE_24_MAJOR[action]})"
                )
    assert not outdated, f"[{stack}] actions that run on Node 20:\n" + "\n".join(outdated)


def test_dependabot_watches_packages_actions_and_images(project: Path) -> None:
    stack = stack_of(project)
    path = project / ".github" / "dependabot.yml"
    assert path.is_file(), f"[{stack}] no .github/dependabot.yml"
    config = yaml.safe_load(path.read_text())
    assert config.get("version") == 2, f"[{stack}] dependabot.yml: version must be 2"
    updates = config.get("updates") or []
    ecosystems = {u.get("package-ecosystem") for u in updates}
    expected = {STACK_DATA[stack]["dependabot"], "github-actions", "docker"}
    assert ecosystems == expected, f"[{stack}] dependabot.yml watches {ecosystems}, not {expected}"
    for update in updates:
        assert update.get("directory") == "/" and update.get("schedule", {}).get("interval"), (
            f"[{stack}] dependabot.yml: each update needs a directory and a schedule: {update}"
        )


# Compose ----------------------------------------------------------------------------------


def compose_config(project: Path, *files: str) -> dict:
    """Compose's own resolved model of these files (no engine needed), or a failure."""
    docker_compose = tool("docker-compose")
    command = [docker_compose, "--project-directory", str(project)]
    for name in files:
        command += ["-f", name]
    result = run([*command, "config", "--format", "json"], project)
    where = f"[{stack_of(project)}] docker compose {' '.join(f'-f {f}' for f in files)} config"
    env_state = "with .env" if (project / ".env").exists() else "without .env (a fresh clone)"
    assert result.returncode == 0, f"{where} fails {env_state}:\n{output(result)}"
    # A variable without a value or a default becomes "" silently: a fault as well.
    unset = [line for line in result.stderr.splitlines() if "variable is not set" in line]
    assert not unset, f"{where} {env_state}: {unset}\n{output(result)}"
    return json.loads(result.stdout)


def app_services(project: Path) -> set[str]:
    """The services that the project's own Dockerfile builds (the production app)."""
    services = yaml.safe_load((project / BASE_COMPOSE).read_text())["services"]
    return {name for name, service in services.items() if "build" in (service or {})}


def database_services(project: Path) -> set[str]:
    services = yaml.safe_load((project / BASE_COMPOSE).read_text())["services"]
    return set(services) - app_services(project)


TRUTHY = {"1", "true", "yes", "on"}
NOT_PRODUCTION = {"local", "dev", "development", "test", "testing"}


def debug_settings(environment: dict[str, str | None]) -> list[str]:
    """The settings of this environment that put an app in debug or local/development mode."""
    found = []
    for key, value in environment.items():
        name, value = key.upper(), str(value or "").strip().lower()
        if name in {"DEBUG", "APP_DEBUG", "DJANGO_DEBUG", "FLASK_DEBUG"} and value in TRUTHY:
            found.append(f"{key}={value}")
        if name in {"APP_ENV", "RAILS_ENV", "RACK_ENV", "NODE_ENV", "DJANGO_ENV"} and (
            value in NOT_PRODUCTION
        ):
            found.append(f"{key}={value}")
        if name == "SPRING_PROFILES_ACTIVE" and NOT_PRODUCTION & set(re.split(r"[,\s]+", value)):
            found.append(f"{key}={value}")
    return found


@pytest.mark.parametrize("env_file", ["with-env", "fresh-clone"])
def test_compose_file_resolves(project: Path, fresh_clone: Path, env_file: str) -> None:
    folder = project if env_file == "with-env" else fresh_clone
    model = compose_config(folder, BASE_COMPOSE)
    stack = stack_of(project)
    assert app_services(project), f"[{stack}] no service of {BASE_COMPOSE} builds the app"
    faults = []
    # Databases are for this machine only: published on the loopback interface.
    exposed = [
        f"{name}: {port.get('host_ip') or '0.0.0.0'}:{port.get('published')}->{port.get('target')}"
        for name in sorted(database_services(project))
        for port in model["services"][name].get("ports", [])
        if port.get("host_ip") != "127.0.0.1"
    ]
    if exposed:
        faults.append(
            f"database ports published beyond 127.0.0.1: {exposed} "
            '(publish them as "127.0.0.1:HOST:CONTAINER")'
        )
    # The production image runs as production: nothing (from .env either) turns on debug/local.
    for name in sorted(app_services(project)):
        debug = debug_settings(model["services"][name].get("environment") or {})
        if debug:
            faults.append(f"the production service `{name}` runs in debug or local mode: {debug}")
        refused = healthcheck_hosts_refused(model["services"][name])
        if refused:
            faults.append(
                f"the HEALTHCHECK of `{name}`'s image calls {refused}, which its "
                "ALLOWED_HOSTS refuses: the container never turns healthy"
            )
    assert not faults, f"[{stack}] {BASE_COMPOSE} ({env_file}):\n  " + "\n  ".join(faults)


def healthcheck_hosts_refused(service: dict) -> list[str]:
    """Hosts the image's HEALTHCHECK calls that the service's ALLOWED_HOSTS does not allow."""
    environment = service.get("environment") or {}
    allowed = next(
        (
            environment[k]
            for k in ("ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS")
            if environment.get(k) is not None
        ),
        None,
    )
    build = service.get("build") or {}
    dockerfile = Path(build.get("context", ".")) / build.get("dockerfile", "Dockerfile")
    if allowed is None or not dockerfile.is_file():
        return []  # the app's own default applies: its stack test serves it
    hosts = {h.strip() for h in allowed.split(",")}
    text = dockerfile.read_text().replace("\\\n", " ")
    called = {
        m[1]
        for line in text.splitlines()
        if line.lstrip().upper().startswith("HEALTHCHECK")
        for m in re.finditer(r"https?://([\w.\-]+|\[[0-9a-fA-F:]+\])", line)
    }
    return sorted(h for h in called if "*" not in hosts and h not in hosts)


def devcontainer_json(project: Path) -> dict:
    text = (project / ".devcontainer" / "devcontainer.json").read_text()
    return json.loads(text)  # the generated file is plain JSON (no comments)


@pytest.mark.parametrize("env_file", ["with-env", "fresh-clone"])
def test_devcontainer_compose_mounts_the_project(
    project: Path, fresh_clone: Path, env_file: str
) -> None:
    folder = project if env_file == "with-env" else fresh_clone
    stack = stack_of(project)
    config = devcontainer_json(folder)
    files = config.get("dockerComposeFile")
    files = [files] if isinstance(files, str) else files
    # devcontainer.json names its compose files relative to .devcontainer/.
    paths = [os.path.normpath(os.path.join(".devcontainer", f)) for f in files]
    assert paths[0] == BASE_COMPOSE and DEV_COMPOSE in paths, (
        f"[{stack}] dockerComposeFile: {files}"
    )
    model = compose_config(folder, *paths)
    service = config["service"]
    assert service in model["services"], f"[{stack}] no service `{service}` in {paths}"
    faults = []
    workspace = config.get("workspaceFolder")
    mounts = [
        v for v in model["services"][service].get("volumes", []) if v.get("target") == workspace
    ]
    if not mounts:
        faults.append(f"nothing is mounted at workspaceFolder {workspace} in `{service}`")
    elif mounts[0].get("type") != "bind" or Path(mounts[0].get("source", "")) != folder.resolve():
        faults.append(
            f"`{service}` mounts {mounts[0].get('source')} at {workspace}, not the project root "
            f"{folder.resolve()} (Compose resolves relative paths from the first file's folder, "
            "the project root, so the project is `.`, not `..`)"
        )
    # What the dev container starts: runServices, or every service of the active profiles.
    started = set(config.get("runServices") or model["services"]) | {service}
    production = sorted(started & app_services(project))
    if production:
        ports = [
            p.get("published")
            for name in production
            for p in model["services"][name].get("ports", [])
        ]
        faults.append(
            f"it also starts the production service(s) {production} (ports {ports}): "
            "give them a profile, or list runServices"
        )
    assert not faults, f"[{stack}] the dev container ({env_file}):\n  " + "\n  ".join(faults)


def test_devcontainer_cli_reads_the_configuration(project: Path) -> None:
    devcontainer, docker_compose = tool("devcontainer"), tool("docker-compose")
    stack = stack_of(project)
    # read-configuration asks `docker ps` for a running dev container first (answered "none"
    # by a stand-in: there is no engine), then parses and resolves devcontainer.json. It runs
    # no compose command (--include-merged-configuration would, and would fetch the features
    # from ghcr.io); our Compose is passed in case a later CLI version does.
    result = run(
        [
            devcontainer,
            "read-configuration",
            "--workspace-folder",
            str(project),
            "--docker-path",
            str(DOCKER_WITHOUT_ENGINE),
            "--docker-compose-path",
            docker_compose,
            "--log-level",
            "info",
        ],
        project,
    )
    assert result.returncode == 0, f"[{stack}] devcontainer read-configuration:\n{output(result)}"
    read = json.loads(result.stdout)
    configuration = read.get("configuration") or {}
    assert configuration.get("service") == devcontainer_json(project)["service"], (
        f"[{stack}] devcontainer read-configuration:\n{output(result)}"
    )
    assert read.get("workspace", {}).get("workspaceFolder") == configuration.get(
        "workspaceFolder"
    ), f"[{stack}] devcontainer read-configuration:\n{output(result)}"


# Dockerfiles ------------------------------------------------------------------------------

HADOLINT_IGNORED = [
    # DL3008/DL3018: pinning apt/apk package versions breaks the build at every point release
    # of the base image (Debian removes the old version); the base image tag is what pins.
    "DL3008",
    "DL3018",
]


def test_dockerfiles_pass_hadolint(project: Path) -> None:
    hadolint = tool("hadolint")
    stack = stack_of(project)
    dockerfiles = sorted(
        p.relative_to(project).as_posix()
        for p in project.rglob("*Dockerfile*")
        if p.is_file() and "node_modules" not in p.parts and p.name != ".dockerignore"
    )
    assert dockerfiles, f"[{stack}] no Dockerfile"
    ignores = [arg for rule in HADOLINT_IGNORED for arg in ("--ignore", rule)]
    result = run(
        [hadolint, "--no-color", "--failure-threshold", "warning", *ignores, *dockerfiles], project
    )
    assert result.returncode == 0, f"[{stack}] hadolint:\n{output(result)}"


# The /docs page every stack serves ---------------------------------------------------------

SWAGGER_UI_PAGE = TEMPLATES / "_shared" / "swagger-ui.html"
SWAGGER_UI = Path.home() / ".cache" / "scaffolder-ci" / "static-checks" / "swagger-ui"


def swagger_ui_modules() -> Path:
    modules = SWAGGER_UI / "node_modules"
    if not (modules / "swagger-ui-dist").is_dir() or shutil.which("node") is None:
        unavailable(f"swagger-ui-dist and jsdom are not installed (run `{PROVISION}`)")
    return modules


def test_docs_page_pins_swagger_ui_with_integrity_hashes() -> None:
    import base64
    import hashlib

    page = SWAGGER_UI_PAGE.read_text()
    assets = re.findall(r'(?:href|src)="([^"]+)"\s+integrity="([^"]+)"', page)
    urls = re.findall(r'(?:href|src)="(https?://[^"]+)"', page)
    assert len(assets) == len(urls) == 2, (
        f"swagger-ui.html: every asset from the CDN needs an integrity hash: {urls}"
    )
    dist = swagger_ui_modules() / "swagger-ui-dist"
    installed = json.loads((dist / "package.json").read_text())["version"]
    for url, integrity in assets:
        match = re.search(r"/swagger-ui-dist@(\d+\.\d+\.\d+)/([\w.-]+)$", url)
        assert match, f"swagger-ui.html: {url} is not one exact version of swagger-ui-dist"
        assert match[1] == installed, (
            f"swagger-ui.html pins {match[1]}; .ci/provision/static-checks.sh installs {installed}"
        )
        digest = hashlib.sha384((dist / match[2]).read_bytes()).digest()
        expected = "sha384-" + base64.b64encode(digest).decode()
        assert integrity == expected, (
            f"swagger-ui.html: {url} has {integrity}, its bytes {expected}"
        )


# The /docs pages that start Swagger UI with the shared start-up script
# (_shared/swagger-ui-init.html), as rendered in examples/ (kept equal to the templates by
# test_examples.py). express-mongo's page keeps its script in a file of its own for its
# Content-Security-Policy and rewrites each request's origin (public/docs/init.js).
DOCS_PAGES = {
    "django-postgres": "core/templates/core/swagger_ui.html",
    "laravel-mysql": "resources/views/docs.blade.php",
    "rails-postgres": "app/views/docs/show.html",
    "spring-oracle": "src/main/resources/docs/index.html",
}


@pytest.mark.parametrize("stack", sorted(DOCS_PAGES))
def test_docs_page_tries_requests_out_on_its_own_origin(stack: str) -> None:
    modules = swagger_ui_modules()
    page = TEMPLATES.parent / "examples" / stack / DOCS_PAGES[stack]
    result = subprocess.run(
        [
            "node",
            str(Path(__file__).resolve().parent / "tools" / "swagger-ui-servers.cjs"),
            str(page),
            str(modules / "swagger-ui-dist" / "swagger-ui-bundle.js"),
            str(TEMPLATES / "_shared" / "openapi.yaml"),
        ],
        env={**os.environ, "NODE_PATH": str(modules)},
        text=True,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"[{stack}] loading {page} in jsdom:\n{output(result)}"
    loaded = json.loads(result.stdout)
    # Each stack listens on its own port; the contract's `servers` names only one example.
    assert [s["url"] for s in loaded["servers"]] == [loaded["origin"]], (
        f"[{stack}] 'Try it out' must call the page's own origin {loaded['origin']}, "
        f"not {loaded['servers']}"
    )
