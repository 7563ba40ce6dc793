#!/usr/bin/env bash
# Builds the base of the Hài Lòng container image without a Docker daemon and without a container
# registry (only Debian apt and the build's own JDK are needed), as a `docker save`-style tarball
# that Jib builds on (`-Pimage`, from.image = tar://…/base.tar).
#
#   deploy/image/build-base.sh OUT_DIR [JAVA_HOME]
#
# The base holds, distroless-style, only what the JVM needs at run time:
#   - a Java runtime made by jlink from the build's JDK (21+; the JDK needs no jmods from JDK 24 on),
#   - glibc, zlib and fontconfig with the DejaVu fonts (the PDF report's charts draw text) from
#     Debian bookworm's own .deb packages (`apt-get download`, unpacked with `dpkg-deb -x`),
#   - /etc/passwd and /etc/group with the unprivileged user `hailong` (uid/gid 10001), /tmp.
# No shell, no package manager. Every file has a fixed owner and time, so the same inputs give the
# same layer (and the same digest).
set -euo pipefail

OUT=${1:?usage: build-base.sh OUT_DIR [JAVA_HOME]}
JDK=${2:-${JAVA_HOME:-}}
[[ -x "$JDK/bin/jlink" ]] || { echo "build-base.sh: no jlink under JAVA_HOME='$JDK' (a JDK 21+ is needed)" >&2; exit 1; }
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || { echo "build-base.sh: needs Debian's apt-get and dpkg-deb" >&2; exit 1; }

# The JVM's shared-library needs (checked with ldd on Temurin 25) and their dependencies.
PACKAGES=(libc6 libgcc-s1 gcc-12-base zlib1g libfontconfig1 fontconfig-config fonts-dejavu-core
          libfreetype6 libpng16-16 libbrotli1 libexpat1 netbase)
# What the application uses of the JDK (Spring, Hibernate, Tomcat, Vaadin, the MariaDB driver, POI,
# OpenPDF/JFreeChart for the PDF report); jdk.localedata for Vietnamese dates and numbers.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

rm -rf "$OUT/rootfs" "$OUT/base.tar" "$OUT/base"
mkdir -p "$OUT/debs" "$OUT/rootfs" "$OUT/base"
OUT=$(cd "$OUT" && pwd)
ROOT=$OUT/rootfs

# 1. Debian packages (cached in OUT/debs between builds; apt picks the versions of the machine's sources).
(cd "$OUT/debs" && for p in "${PACKAGES[@]}"; do ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download -qq -o APT::Sandbox::User="$(id -un)" "$p"; done)
for deb in "$OUT"/debs/*.deb; do dpkg-deb -x "$deb" "$ROOT"; done
# bookworm's packages still ship /lib and /lib64: merge them into /usr as a merged-/usr system does.
for d in lib lib64 bin sbin; do
  if [[ -d "$ROOT/$d" && ! -L "$ROOT/$d" ]]; then mkdir -p "$ROOT/usr/$d"; cp -a "$ROOT/$d/." "$ROOT/usr/$d/"; rm -rf "${ROOT:?}/$d"; fi
  ln -s "usr/$d" "$ROOT/$d"
done
rm -rf "$ROOT/usr/share/doc" "$ROOT/usr/share/man" "$ROOT/usr/share/lintian" "$ROOT/usr/share/locale"
# fontconfig's cache is built at first use; give it a cache folder the app user may write.
mkdir -p "$ROOT/var/cache/fontconfig" && chmod 1777 "$ROOT/var/cache/fontconfig"

# 2. The Java runtime.
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$ROOT/opt/java"

# 3. The user and the writable places.
mkdir -p "$ROOT/etc" "$ROOT/tmp" "$ROOT/home/hailong" "$ROOT/var/lib/hailong"
chmod 1777 "$ROOT/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nhailong:x:10001:10001:Hai Long:/home/hailong:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nhailong:x:10001:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
printf 'hosts: files dns\n' > "$ROOT/etc/nsswitch.conf"

# 4. One layer, reproducible: sorted names, fixed time and owners (the user's folders owned by it).
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C "$ROOT" --exclude=./home/hailong --exclude=./var/lib/hailong -cf "$OUT/base/layer.tar" .
tar --sort=name --mtime=@0 --owner=10001 --group=10001 --numeric-owner --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C "$ROOT" -rf "$OUT/base/layer.tar" ./home/hailong ./var/lib/hailong
LAYER=$(sha256sum "$OUT/base/layer.tar" | cut -d' ' -f1)

# 5. A `docker save` archive: manifest.json, the image config, the layer (what Jib's tar:// reads).
cat > "$OUT/base/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"10001:10001"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$LAYER"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/image/build-base.sh: Debian bookworm libraries + jlink runtime"}]}
JSON
CONFIG=$(sha256sum "$OUT/base/config.json" | cut -d' ' -f1)
mv "$OUT/base/config.json" "$OUT/base/$CONFIG.json"
mv "$OUT/base/layer.tar" "$OUT/base/$LAYER.tar"
printf '[{"Config":"%s.json","RepoTags":["hai-long-base:local"],"Layers":["%s.tar"]}]\n' "$CONFIG" "$LAYER" > "$OUT/base/manifest.json"
# Jib refuses an archive whose entries start with ./ (it reads them as leaving the folder).
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$OUT/base" -cf "$OUT/base.tar" \
    manifest.json "$CONFIG.json" "$LAYER.tar"
echo "base image: $OUT/base.tar (layer sha256:$LAYER, $(du -h "$OUT/base.tar" | cut -f1))"
