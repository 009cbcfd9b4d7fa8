#!/usr/bin/env bash
# Regenerates project/package-lock.json.jinja from project/package.json.jinja with npm
# against the npm registry. Run it after changing a dependency; commit both files.
#
# - The lock is made for the default answers, then its three answer-dependent lines
#   (the root package's name twice, its licence) become Jinja expressions again.
# - Every "resolved" URL must be on registry.npmjs.org (checked below).
# - Every optional platform binary must be locked, or `npm ci` fails on other OSes.
#   OVERRIDES pins packages whose newest release is not complete on every registry
#   mirror (unrs-resolver: its platform bindings); npm ci accepts the lock without
#   them because the pinned versions satisfy the dependents' ranges.
set -euo pipefail

OVERRIDES='{"unrs-resolver": "1.12.2"}'
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$here/project/package.json.jinja" "$work/package.json" "$OVERRIDES" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
for jinja, value in {
    "{{ project_slug }}": "my-api",
    "{{ description | tojson }}": '"A Tasks REST API"',
    '{{ (author_name ~ " <" ~ author_email ~ ">") | tojson }}': '"Your Name <you@example.com>"',
    "{{ 'UNLICENSED' if license == 'Proprietary' else license }}": "MIT",
}.items():
    text = text.replace(jinja, value)
package = json.loads(text)
package["overrides"] = json.loads(sys.argv[3])
json.dump(package, open(sys.argv[2], "w"), indent=2)
PY

(cd "$work" && npm install --package-lock-only --ignore-scripts --omit-lockfile-registry-resolved=false \
  --no-audit --no-fund)

python3 - "$work/package-lock.json" "$here/project/package-lock.json.jinja" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
lock = json.loads(text)
packages = lock["packages"]
foreign = [k for k, v in packages.items() if k and not v.get("resolved", "").startswith("https://registry.npmjs.org/")]
assert not foreign, f"not from registry.npmjs.org: {foreign}"
unlocked = [f"{k} -> {d}" for k, v in packages.items() for d in v.get("optionalDependencies", {})
            if f"node_modules/{d}" not in packages and f"{k}/node_modules/{d}" not in packages]
assert not unlocked, f"optional dependencies missing from the lock (pin them in OVERRIDES): {unlocked}"
lines = text.split("\n")
assert lines[1] == '  "name": "my-api",' and lines[7] == '      "name": "my-api",'
assert lines[9] == '      "license": "MIT",'
lines[1] = '  "name": "{{ project_slug }}",'
lines[7] = '      "name": "{{ project_slug }}",'
lines[9] = "      \"license\": \"{{ 'UNLICENSED' if license == 'Proprietary' else license }}\","
out = "\n".join(lines)
assert "{%" not in out and "{#" not in out and out.count("{{") == 3
open(sys.argv[2], "w").write(out)
print(f"{len(packages) - 1} packages locked, all from registry.npmjs.org")
PY
