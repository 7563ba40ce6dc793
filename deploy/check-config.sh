#!/usr/bin/env bash
# Validates the example deployment files: the HAProxy configuration (haproxy -c, Debian's haproxy)
# and the systemd unit (systemd-analyze verify). Installs haproxy with apt when it is missing and
# this runs as root (CI); otherwise says what to install.
#
#   deploy/check-config.sh
set -euo pipefail
cd "$(dirname "$0")"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT

if ! command -v haproxy >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "check-config.sh: haproxy is not installed (apt-get install haproxy)" >&2; exit 1
  fi
fi
# haproxy -c opens the certificate: check with a throw-away self-signed one in its place.
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=hailong.example -days 1 \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
cat "$WORK/cert.pem" "$WORK/key.pem" > "$WORK/hailong.pem"
sed "s#/etc/haproxy/certs/hailong.pem#$WORK/hailong.pem#" haproxy/haproxy.cfg > "$WORK/haproxy.cfg"
haproxy -c -f "$WORK/haproxy.cfg"
echo "haproxy.cfg: valid ($(haproxy -v | head -1))"

if command -v systemd-analyze >/dev/null 2>&1; then
  # verify wants the unit's user and binary to exist only when it runs the unit; it checks the syntax,
  # the directives and the paths. Its output must be empty of complaints about our unit.
  cp systemd/hailong.service "$WORK/hailong.service"
  OUT=$(systemd-analyze verify "$WORK/hailong.service" 2>&1 || true)
  OURS=$(grep -i 'hailong.service' <<<"$OUT" | grep -v -i "java.*is not executable\|No such file or directory" || true)
  if [[ -n "$OURS" ]]; then echo "$OUT" >&2; echo "hailong.service: systemd-analyze verify complained" >&2; exit 1; fi
  echo "hailong.service: systemd-analyze verify found nothing to complain about$( [[ -n "$OUT" ]] && echo " in the unit (other output: $(tr '\n' ' ' <<<"$OUT"))")"
  systemd-analyze security --offline=yes "$WORK/hailong.service" 2>/dev/null | tail -1 || true
else
  echo "hailong.service: systemd-analyze not available, not verified" >&2
fi
