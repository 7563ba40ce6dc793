# Finds a JDK 21+ for Maven itself. Sourced by ./mvnw (its one added line) before the stock wrapper
# starts; run as `sh .mvn/jdk.sh` it prints the folder, for scripts that start a JVM of their own.
#
# Why here and not in Maven toolchains: Maven's own JVM must be 21+, because Vaadin's Maven plugin
# loads Vaadin 25 classes (Java 21 bytecode) into it; toolchains choose the JDK of the compiler, the
# tests and spring-boot:run only (ADR 102). On these machines the default java is 17, with a
# Temurin 25 JDK beside it under /usr/lib/jvm.
#
# A JAVA_HOME that is already 21+ is kept. Otherwise the newest 21+ JDK under /usr/lib/jvm (or
# HAILONG_JDK_ROOT) is exported as JAVA_HOME; with none, it says what to install and stops.

hl_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

if [ -z "${JAVA_HOME:-}" ] || [ "$(hl_java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  hl_found=""
  hl_found_major=0
  for hl_candidate in "${HAILONG_JDK_ROOT:-/usr/lib/jvm}"/*; do
    [ -x "$hl_candidate/bin/javac" ] || continue
    hl_major="$(hl_java_major "$hl_candidate")"
    if [ "${hl_major:-0}" -ge 21 ] 2>/dev/null && [ "$hl_major" -gt "$hl_found_major" ]; then
      hl_found="$hl_candidate"
      hl_found_major="$hl_major"
    fi
  done
  if [ -z "$hl_found" ]; then
    echo "Hai Long needs a JDK 21 or newer for Maven; JAVA_HOME='${JAVA_HOME:-}' is not one and none was" >&2
    echo "found under ${HAILONG_JDK_ROOT:-/usr/lib/jvm}. Install one (a Temurin 21+, or openjdk-21-jdk-headless)" >&2
    echo "and set JAVA_HOME to it, e.g.: export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64" >&2
    exit 1
  fi
  JAVA_HOME="$hl_found"
  export JAVA_HOME
fi

case "$0" in
  *jdk.sh) echo "$JAVA_HOME" ;;
esac
