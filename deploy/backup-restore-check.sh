#!/usr/bin/env bash
# Tries the backup and point-in-time restore of docs/operations.md once, end to end, on this machine (loopback only):
#
#   1. a MariaDB server "A" (Debian's mariadb-server, binary log on) and the production jar on it;
#      ratings and audit entries through the API and the log-in page while it runs;
#   2. a full backup with mariadb-backup of the running server;
#   3. more ratings and audit entries after the backup, the restore point noted (binlog position);
#   4. an "accident" after the restore point (an audit entry altered, ratings deleted);
#   5. server A stopped ("lost"); the backup prepared and copied into a fresh data folder, a new
#      server "B" started on it, the binary log replayed up to the restore point;
#   6. the application started on B: the migrations find nothing to do, a rating from after the
#      backup is there over the API, and RestoredDatabaseCheckTest (the application's own AuditLog.verify())
#      finds the audit chain intact and the ratings counted at the restore point;
#   7. the control: the backup replayed past the restore point, and the same check must fail
#      (the altered audit entry is back).
#
#   deploy/backup-restore-check.sh           (builds target/hai-long-*.jar first when missing)
#
# Needs: mariadb-server and mariadb-backup from apt (installed when missing and run as root), curl,
# a JDK 21+ (./mvnw finds it). Everything lives in target/backup-check/ and is stopped at the end.
# Debian's mariadb-backup 10.11 only backs up a 10.11 server, so this uses Debian's mariadbd, not
# the embedded MariaDB 11.4 of the demo and the tests (see docs/operations.md "Production").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/backup-check
PORT_A=${PORT_A:-33071}; PORT_B=${PORT_B:-33072}; PORT_C=${PORT_C:-33073}; APP_PORT=${APP_PORT:-18071}
KEY=check-key-$(openssl rand -hex 16)
SECRET=$(openssl rand -hex 32)
DB_PASSWORD=$(openssl rand -hex 12)
say() { printf '\n== %s\n' "$*"; }
fail() { echo "BACKUP/RESTORE CHECK FAILED: $*" >&2; exit 1; }

for p in mariadb-server mariadb-backup; do
  if ! dpkg -s "$p" >/dev/null 2>&1; then
    [[ $(id -u) == 0 ]] || fail "$p is missing: apt-get install $p"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null
  fi
done
JAR=$(ls target/hai-long-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [[ -z "$JAR" ]]; then ./mvnw -B -ntp -q package -DskipTests; JAR=$(ls target/hai-long-*.jar | head -1); fi
# A Java 21+ as ./mvnw finds it (.mvn/jdk.sh: JAVA_HOME when it is one, else the newest under /usr/lib/jvm).
JAVA=$(sh .mvn/jdk.sh)/bin/java || JAVA=
[[ -x $JAVA ]] || fail "no Java 21+ (set JAVA_HOME)"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

rm -rf "$WORK"; mkdir -p "$WORK/binlog"
MYSQLD=(mariadbd --no-defaults --user=root --bind-address=127.0.0.1 --innodb-log-file-size=16M
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-name-resolve)

start_server() { # name port datadir extra...
  local name=$1 port=$2 dir=$3; shift 3
  "${MYSQLD[@]}" --datadir="$dir" --port="$port" --socket="$WORK/$name.sock" --pid-file="$WORK/$name.pid" \
    --log-error="$WORK/$name.err" "$@" &
  PIDS+=($!); eval "PID_$name=$!"
  for _ in $(seq 60); do mariadb --socket="$WORK/$name.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$WORK/$name.err" >&2; fail "server $name did not start"
}
sql() { mariadb --socket="$WORK/$1.sock" -uroot -N -B -e "$2"; }

start_app() { # port db-port log
  SPRING_PROFILES_ACTIVE=prod PORT=$1 \
  DATABASE_URL="jdbc:mariadb://127.0.0.1:$2/hailong" DATABASE_USER=hailong DATABASE_PASSWORD=$DB_PASSWORD \
  SURVEY_LINK_SECRET=$SECRET PUBLIC_BASE_URL=https://hailong.example.test \
  HAILONG_API_BOOTSTRAP_KEYS_0_NAME=backup-check HAILONG_API_BOOTSTRAP_KEYS_0_KEY=$KEY \
  "$JAVA" -jar "$JAR" > "$3" 2>&1 &
  APP_PID=$!; PIDS+=($APP_PID)
  for _ in $(seq 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/api/v1/openapi" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$3" >&2; fail "the application did not start (log $3)"; }
    sleep 1
  done
  fail "the application did not answer in 180 s (log $3)"
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

api() { # method path body -> status, body in $WORK/answer
  curl -s -o "$WORK/answer" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$APP_PORT$2" ${3:+-d "$3"}
}
rate() { # dossier number
  local code=000.00.06.H99-261201-$1
  local s; s=$(api PUT "/api/v1/dossiers/$code" '{"procedureCode":"1.000001","procedureName":"Thủ tục kiểm tra sao lưu",
    "receivingUnit":"000.00.06.H99","competentUnit":"000.00.06.H99","channel":"IN_PERSON","applicantKind":"CITIZEN",
    "status":"RETURNED","receivedAt":"2026-11-20T08:30:00+07:00","dueAt":"2026-11-27T17:00:00+07:00",
    "returnedAt":"2026-11-26T10:00:00+07:00","officers":[{"id":"cb01","name":"Nguyễn Văn A","role":"RECEIVING"}],"supplementRequests":0}')
  [[ $s == 201 || $s == 200 ]] || fail "PUT dossier $code answered $s: $(cat "$WORK/answer")"
  s=$(api POST /api/v1/ratings "{\"dossierCode\":\"$code\",\"channel\":\"PAPER\",\"idempotencyKey\":\"check-$1\",\"answers\":{\"overall\":\"SATISFIED\"}}")
  [[ $s == 201 || $s == 200 ]] || fail "POST rating of $code answered $s: $(cat "$WORK/answer")"
}
failed_login() { # one LOGIN_FAILED audit entry through the real log-in form
  local jar=$WORK/cookies page csrf
  rm -f "$jar"; page=$(curl -s -c "$jar" "http://127.0.0.1:$APP_PORT/login")
  csrf=$(grep -oE 'name="_csrf" content="[^"]+"' <<<"$page" | sed -E 's/.*content="([^"]+)"/\1/' || true)
  curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" --data-urlencode 'password=wrong-password' \
    ${csrf:+--data-urlencode "_csrf=$csrf"} "http://127.0.0.1:$APP_PORT/login"
}

say "1. server A (Debian $(mariadbd --version | grep -oE 'Ver [^ ]+')) with the binary log, the application on it"
mariadb-install-db --no-defaults --user=root --datadir="$WORK/a" --auth-root-authentication-method=socket > "$WORK/install-a.log" 2>&1
start_server a "$PORT_A" "$WORK/a" --log-bin="$WORK/binlog/a-bin" --server-id=1 --binlog-format=ROW
sql a "CREATE DATABASE hailong CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
       CREATE USER hailong@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD'; GRANT ALL ON hailong.* TO hailong@'127.0.0.1';"
start_app "$APP_PORT" "$PORT_A" "$WORK/app-a.log"
s=$(api PUT /api/v1/units/000.00.06.H99 '{"name":"Sở Kiểm tra Sao lưu","kind":"DEPARTMENT"}')
[[ $s == 201 || $s == 200 ]] || fail "PUT unit answered $s: $(cat "$WORK/answer")"
for i in $(seq 1001 1020); do rate "$i"; done
for u in canbo1 canbo2 canbo3; do failed_login "$u"; done
echo "ratings: $(sql a 'SELECT COUNT(*) FROM hailong.rating'), audit entries: $(sql a 'SELECT COUNT(*) FROM hailong.audit_entry')"
[[ $(sql a 'SELECT COUNT(*) FROM hailong.audit_entry') -gt 0 ]] || fail "no audit entries were written"

say "2. full backup of the running server with mariadb-backup $(mariadb-backup --version 2>&1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+-MariaDB' | head -1)"
mariadb-backup --backup --socket="$WORK/a.sock" --user=root --target-dir="$WORK/backup" > "$WORK/backup.log" 2>&1 \
  || { tail -20 "$WORK/backup.log" >&2; fail "mariadb-backup --backup"; }
tail -1 "$WORK/backup.log"
cat "$WORK/backup/xtrabackup_binlog_info"

say "3. writes after the backup; the restore point"
for i in $(seq 1021 1030); do rate "$i"; done
for u in canbo4 canbo5; do failed_login "$u"; done
sql a 'FLUSH BINARY LOGS'   # the restore point lies in a rotated log, as it would in practice
read -r STOP_FILE STOP_POS < <(sql a 'SHOW MASTER STATUS' | awk '{print $1, $2}')
RATINGS=$(sql a 'SELECT COUNT(*) FROM hailong.rating'); AUDITS=$(sql a 'SELECT COUNT(*) FROM hailong.audit_entry')
echo "restore point: $STOP_FILE:$STOP_POS — ratings $RATINGS, audit entries $AUDITS"

say "4. the accident: an audit entry altered and the ratings of one dossier deleted, after the restore point"
sql a "SET FOREIGN_KEY_CHECKS=0; UPDATE hailong.audit_entry SET details = 'altered' WHERE seq = 1;
       DELETE FROM hailong.rating WHERE dossier_id = (SELECT id FROM hailong.dossier WHERE code = '000.00.06.H99-261201-1025');"
echo "ratings now: $(sql a 'SELECT COUNT(*) FROM hailong.rating')"
stop_app
sql a 'FLUSH BINARY LOGS'
kill "$PID_a"; wait "$PID_a" 2>/dev/null || true
echo "server A stopped; its binary logs are kept: $(ls "$WORK/binlog" | grep -v index | tr '\n' ' ')"

say "5. restore: prepare, copy back into a fresh data folder, start server B, replay the binary log to the restore point"
mariadb-backup --prepare --target-dir="$WORK/backup" > "$WORK/prepare.log" 2>&1 || { tail -20 "$WORK/prepare.log" >&2; fail "--prepare"; }
mariadb-backup --copy-back --target-dir="$WORK/backup" --datadir="$WORK/b" > "$WORK/copy-back.log" 2>&1 || { tail -20 "$WORK/copy-back.log" >&2; fail "--copy-back"; }
start_server b "$PORT_B" "$WORK/b"
echo "from the backup alone: ratings $(sql b 'SELECT COUNT(*) FROM hailong.rating')"
read -r START_FILE START_POS _ < "$WORK/backup/xtrabackup_binlog_info"
FILES=(); on=0
for f in $(sed 's#.*/##' "$WORK/binlog/a-bin.index"); do
  [[ $f == "$START_FILE" ]] && on=1
  [[ $on == 1 ]] && FILES+=("$WORK/binlog/$f")
  [[ $f == "$STOP_FILE" ]] && break
done
# --stop-position applies to the last file given: the restore point's file ends the list.
mariadb-binlog --start-position="$START_POS" --stop-position="$STOP_POS" "${FILES[@]}" | mariadb --binary-mode --socket="$WORK/b.sock" -uroot
echo "replayed ${FILES[*]##*/} from $START_FILE:$START_POS to $STOP_FILE:$STOP_POS"
GOT_R=$(sql b 'SELECT COUNT(*) FROM hailong.rating'); GOT_A=$(sql b 'SELECT COUNT(*) FROM hailong.audit_entry')
echo "restored: ratings $GOT_R (expected $RATINGS), audit entries $GOT_A (expected $AUDITS)"
[[ $GOT_R == "$RATINGS" && $GOT_A == "$AUDITS" ]] || fail "the restore does not hold what the restore point held"

say "6. the application on the restored server"
start_app "$APP_PORT" "$PORT_B" "$WORK/app-b.log"
grep -E 'Successfully applied|Schema .* is up to date|No migration necessary' "$WORK/app-b.log" | tail -1 || true
s=$(api GET /api/v1/dossiers/000.00.06.H99-261201-1025)
[[ $s == 200 ]] && grep -q '"rated":true' "$WORK/answer" || fail "the rating made after the backup is not there: $s $(cat "$WORK/answer")"
echo "GET dossier …-1025 (rated after the backup, deleted by the accident): 200, rated"
stop_app
# The application's own verification (AuditLog.verify()) and counts, in a test that starts the
# application on server B.
./mvnw -B -ntp -Prestore-check verify -Dtest=RestoredDatabaseCheckTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhailong.check.database-url="jdbc:mariadb://127.0.0.1:$PORT_B/hailong" -Dhailong.check.database-password="$DB_PASSWORD" \
  -Dhailong.check.ratings="$RATINGS" -Dhailong.check.audit-entries="$AUDITS" > "$WORK/verify.log" 2>&1 \
  || { grep -E 'FAIL|ERROR|expected|Expect' "$WORK/verify.log" | head -20 >&2; fail "RestoredDatabaseCheckTest (log $WORK/verify.log)"; }
grep -E 'RESTORE CHECK|Tests run:.*Fail' "$WORK/verify.log" | head -3

say "7. control: the same backup replayed past the restore point brings the accident back, and the check must see it"
mariadb-backup --copy-back --target-dir="$WORK/backup" --datadir="$WORK/c" > "$WORK/copy-back-c.log" 2>&1 || fail "--copy-back (control)"
start_server c "$PORT_C" "$WORK/c"
ALL=(); on=0
for f in $(sed 's#.*/##' "$WORK/binlog/a-bin.index"); do [[ $f == "$START_FILE" ]] && on=1; [[ $on == 1 ]] && ALL+=("$WORK/binlog/$f"); done
mariadb-binlog --start-position="$START_POS" "${ALL[@]}" | mariadb --binary-mode --socket="$WORK/c.sock" -uroot
echo "replayed to the end: ratings $(sql c 'SELECT COUNT(*) FROM hailong.rating')"
if ./mvnw -B -ntp -Prestore-check verify -Dtest=RestoredDatabaseCheckTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhailong.check.database-url="jdbc:mariadb://127.0.0.1:$PORT_C/hailong" -Dhailong.check.database-password="$DB_PASSWORD" \
  -Dhailong.check.ratings="$RATINGS" -Dhailong.check.audit-entries="$AUDITS" > "$WORK/verify-control.log" 2>&1; then
  fail "RestoredDatabaseCheckTest passed on a database with an altered audit entry (log $WORK/verify-control.log)"
fi
grep -q 'RESTORE CHECK: audit chain BROKEN' "$WORK/verify-control.log" || fail "the control failed for another reason (log $WORK/verify-control.log)"
grep -oE 'RESTORE CHECK: .*' "$WORK/verify-control.log" | head -1
say "backup and point-in-time restore: OK"
