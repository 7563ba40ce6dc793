#!/usr/bin/env bash
# Checks the OCI image archive Jib wrote (target/jib-image.tar) without running it: the layout, the
# entry point, a non-root user, the ports, and that the image carries exactly the production jar's
# libraries (none of the <optional> embedded-database or dev-mode ones).
#
#   deploy/image/check-image.sh target/jib-image.tar target/hai-long-*.jar
set -euo pipefail
IMAGE=${1:?usage: check-image.sh IMAGE_TAR BOOT_JAR}
JAR=${2:?usage: check-image.sh IMAGE_TAR BOOT_JAR}
command -v jq >/dev/null || { echo "check-image.sh: needs jq (apt-get install jq)" >&2; exit 1; }
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "IMAGE CHECK FAILED: $*" >&2; exit 1; }

tar -xf "$IMAGE" -C "$WORK"
[[ -f $WORK/oci-layout && -f $WORK/index.json ]] || fail "not an OCI image layout (oci-layout, index.json)"
blob() { echo "$WORK/blobs/sha256/${1#sha256:}"; }
MANIFEST=$(blob "$(jq -r '.manifests[0].digest' "$WORK/index.json")")
# Every blob is what its digest says.
for d in $(jq -r '.config.digest, .layers[].digest' "$MANIFEST"); do
  [[ "sha256:$(sha256sum "$(blob "$d")" | cut -d' ' -f1)" == "$d" ]] || fail "blob $d does not match its digest"
done
CONFIG=$(blob "$(jq -r '.config.digest' "$MANIFEST")")
USER_=$(jq -r '.config.User' "$CONFIG")
[[ -n "$USER_" && "$USER_" != null && "${USER_%%:*}" != 0 && "${USER_%%:*}" != root ]] || fail "runs as root (User '$USER_')"
jq -e '.config.ExposedPorts["8080/tcp"] and .config.ExposedPorts["8081/tcp"]' "$CONFIG" >/dev/null || fail "ports 8080 and 8081 not exposed"
jq -e '.config.Entrypoint[0] == "java" and (.config.Entrypoint | index("vn.hailong.HaiLongApplication"))' "$CONFIG" >/dev/null \
  || fail "entry point is not java … vn.hailong.HaiLongApplication: $(jq -c .config.Entrypoint "$CONFIG")"
jq -e '.config.Env | index("SPRING_PROFILES_ACTIVE=prod")' "$CONFIG" >/dev/null || fail "SPRING_PROFILES_ACTIVE=prod not set"

# The files of all layers, and the java binary (executable) in the base.
: > "$WORK/files"
for d in $(jq -r '.layers[].digest' "$MANIFEST"); do tar -tvzf "$(blob "$d")" >> "$WORK/files" 2>/dev/null; done
grep -Eq '^-rwx.* \.?/?opt/java/bin/java$' "$WORK/files" || fail "no executable /opt/java/bin/java"
grep -Eq ' \.?/?usr/lib/x86_64-linux-gnu/libc\.so\.6' "$WORK/files" || fail "no glibc in the base"
grep -Eq ' \.?/?etc/passwd$' "$WORK/files" || fail "no /etc/passwd"
# Vaadin's production token: without it Vaadin starts its dev mode (and fails: no dev server in the image).
grep -Eq ' \.?/?app/resources/META-INF/VAADIN/config/flow-build-info\.json$' "$WORK/files" \
  || fail "no Vaadin production token (app/resources/META-INF/VAADIN/config/flow-build-info.json)"

# The same libraries as the production jar (the starters are empty jars Boot leaves out, the
# jar-mode tools only serve `java -Djarmode=tools`).
grep -oE 'app/libs/[^ ]+\.jar$' "$WORK/files" | sed 's#app/libs/##' | sort -u > "$WORK/image-libs"
unzip -Z1 "$JAR" | grep -oE '^BOOT-INF/lib/[^/]+\.jar$' | sed 's#BOOT-INF/lib/##' | grep -v '^spring-boot-jarmode-tools-' | sort -u > "$WORK/jar-libs"
if ! diff -u "$WORK/jar-libs" "$WORK/image-libs" > "$WORK/diff"; then
  cat "$WORK/diff" >&2; fail "the image's libraries differ from the production jar's (+ only in the image, - only in the jar)"
fi
echo "image ok: $(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$WORK/index.json"), user $USER_," \
  "ports $(jq -r '.config.ExposedPorts | keys | join(" ")' "$CONFIG"), $(wc -l < "$WORK/image-libs") libraries," \
  "$(du -h "$IMAGE" | cut -f1) ($(jq -r '.manifests[0].digest' "$WORK/index.json"))"
