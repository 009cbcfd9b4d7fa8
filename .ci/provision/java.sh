#!/usr/bin/env bash
# A JDK (17 or later) for the spring-oracle stack test, then a warm Maven cache.
# Debian's default JDK is enough: Spring Boot 4 needs Java 17+ (bookworm: 17, trixie: 21).
# Maven itself is not installed: the generated project's ./mvnw fetches it from Maven Central.
# The warm-up resolves the template's pom.xml (all dependencies and build plugins) so the
# stack test does not spend its time budget downloading. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."

java_major() {
  java -version 2>&1 | sed -nE 's/.*version "(1\.)?([0-9]+).*/\2/p' | head -n 1
}

if ! command -v javac >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends default-jdk-headless >/dev/null
fi
java -version 2>&1 | head -n 1

# The template's build files, with its few Jinja values filled in by hand (Copier may not
# be installed yet): enough for Maven to resolve exactly what a generated project uses.
template=templates/spring-oracle/project
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$template/mvnw" "$template/.mvn" "$work/"
sed -e '/{%-* set /d' \
    -e 's/{{ group_id }}/com.example/; s/{{ project_slug }}/warm-up/; s/{{ project_name }}/warm-up/' \
    -e 's/{{ description }}/Maven cache warm-up/' \
    "$template/pom.xml.jinja" > "$work/pom.xml"
if grep -q '{[{%]' "$work/pom.xml"; then
  echo "java.sh: pom.xml.jinja has Jinja this script does not fill in" >&2
  exit 1
fi
(cd "$work" && ./mvnw -B -ntp -q dependency:go-offline)
echo "java.sh: Maven cache warm ($(du -sh "${HOME}/.m2/repository" | cut -f1))"
