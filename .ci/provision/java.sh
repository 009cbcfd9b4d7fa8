#!/usr/bin/env bash
# A JDK 25 for the spring-oracle stack test (the generated project targets Java 25), then a
# warm Maven cache. The test finds it through JAVA_HOME or in /usr/lib/jvm (Temurin first);
# this machine image ships Temurin 25 there. Where none is installed, Debian's
# openjdk-25-jdk-headless is installed when the archive has it (trixie and later); where it
# does not (bookworm), the script says so and the stack test skips (fails in CI).
# Maven itself is not installed: the generated project's ./mvnw fetches it from Maven Central.
# The warm-up resolves the template's pom.xml (all dependencies and build plugins) so the
# stack test does not spend its time budget downloading. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA_RELEASE=25

java_major() {  # the major version of the java at $1
  "$1" -version 2>&1 | sed -nE 's/.*version "(1\.)?([0-9]+).*/\2/p' | head -n 1
}

find_jdk() {  # a JDK home of Java 25+, as the stack test looks for it
  local home
  for home in ${JAVA_HOME:-} /usr/lib/jvm/temurin-* /usr/lib/jvm/*; do
    if [ -x "$home/bin/javac" ] && [ "$(java_major "$home/bin/java")" -ge "$JAVA_RELEASE" ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

if ! jdk="$(find_jdk)"; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  if apt-cache show "openjdk-$JAVA_RELEASE-jdk-headless" >/dev/null 2>&1; then
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
      "openjdk-$JAVA_RELEASE-jdk-headless" >/dev/null
  fi
fi
if ! jdk="$(find_jdk)"; then
  echo "java.sh: no JDK $JAVA_RELEASE here and none in the Debian archive: the spring-oracle" \
       "stack test will skip (fail under SCAFFOLDER_REQUIRE_TOOLCHAINS=1)" >&2
  exit 0
fi
export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH"
echo "java.sh: JDK $JAVA_RELEASE at $jdk ($("$jdk/bin/java" -version 2>&1 | head -n 1))"

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
