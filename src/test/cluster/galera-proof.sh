#!/usr/bin/env bash
# The loopback Galera proof (docs/operations.md "A Galera cluster", ADR 085): three mariadbd with Debian's
# galera-4 on 127.0.0.1, the migrations run once, three app nodes on different members behind
# HAProxy, a bounded mixed load (ClusterProof), one database node and one app node killed with
# kill -9 during it, then the checks. Exits non-zero if anything is lost, doubled or inconsistent.
#
#   src/test/cluster/galera-proof.sh            # builds the jar if missing, ~6 minutes in all
#   PROOF_SECONDS=300 PROOF_PORT_BASE=25300 src/test/cluster/galera-proof.sh
#   PROOF_JAVA_OPTS=-Xmx512m src/test/cluster/galera-proof.sh   # the app nodes' JVM (default: C1 only)
#   PROOF_AOT=1 src/test/cluster/galera-proof.sh   # the nodes from a JDK 25 AOT cache (a training run
#                                                  # against member 1 after the migration, ~30-40 s more)
#
# Needs root for apt-get (galera-4, mariadb-server, haproxy, rsync are installed when missing).
# Everything listens on 127.0.0.1 only; everything it started is killed on exit.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
SECONDS_LOAD=${PROOF_SECONDS:-180}
BASE=${PROOF_PORT_BASE:-24300}
JAR=${PROOF_JAR:-$ROOT/target/hai-long-0.1.0-SNAPSHOT.jar}
# The app nodes' JVM: C1 only, in less heap, as three nodes, three members and chromium share two
# cores here. With the systemd unit's tiered JIT (PROOF_JAVA_OPTS=-Xmx512m) two runs of 2026-12-07
# had the same figures once warm (push p95 157 and 220 ms after the first 30 s) and a slower first
# half-minute (p95 346 and 903 ms over the whole run), C2's compiler threads taking the cores.
read -r -a APP_JAVA_OPTS <<<"${PROOF_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1}"
# PROOF_AOT=1 starts the app nodes from a JDK AOT cache made by a training run (below; needs Java 25):
# opt-in, as it made the nodes start 2-3 times faster but not the push faster (docs/operations.md).
AOT=${PROOF_AOT:-0}
WORK=$(mktemp -d /tmp/galera-proof.XXXXXX)
DB_USER=hailong
DB_PASSWORD=proof-only-password
API_KEY=proof-key-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
PIDS=()

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n "${PROOF_KEEP:-}" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT

# --- 1. What it needs -------------------------------------------------------------------------
need=()
[[ -e /usr/lib/galera/libgalera_smm.so ]] || need+=(galera-4)
command -v mariadbd >/dev/null || need+=(mariadb-server)
command -v mariadb >/dev/null || need+=(mariadb-client)
command -v haproxy >/dev/null || need+=(haproxy)
command -v rsync >/dev/null || need+=(rsync)
if ((${#need[@]})); then
  log "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
log "$(mariadbd --version)"
log "galera-4 $(dpkg-query -W -f='${Version}' galera-4), $(haproxy -v | head -1)"
if [[ ! -f "$JAR" ]]; then
  log "building the jar"
  HAILONG_SKIP_NODE=${HAILONG_SKIP_NODE:-1} ./mvnw -B -ntp -q package -DskipTests
fi
# Java 21 or newer, found as ./mvnw finds it (the machines' default java is 17).
JAVA_HOME=$(sh .mvn/jdk.sh)
JAVA=$JAVA_HOME/bin/java
# The load and checks: a few test classes compiled against the app's classes and the test
# dependencies (the driver, Playwright for the kiosks in chromium, Jakarta Mail for the SMTP sink).
mkdir -p "$WORK/tool" "$WORK/app-classes"
(cd "$WORK/app-classes" && unzip -q -o "$JAR" 'BOOT-INF/classes/vn/hailong/audit/*')
JAVA_HOME=$JAVA_HOME ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/deps.txt" >/dev/null
DEPS=$(cat "$WORK/deps.txt")
PROOF_SOURCES=(src/test/java/vn/hailong/audit/AuditChainCheck.java src/test/java/vn/hailong/cluster/ClusterProof.java
  src/test/java/vn/hailong/cluster/SmtpSink.java src/test/java/vn/hailong/cluster/KioskPushProbe.java)
${JAVA}c -q -d "$WORK/tool" -cp "$WORK/app-classes/BOOT-INF/classes:$DEPS" "${PROOF_SOURCES[@]}" 2>/dev/null \
  || ${JAVA}c -d "$WORK/tool" -cp "$WORK/app-classes/BOOT-INF/classes:$DEPS" "${PROOF_SOURCES[@]}"
TOOL_CP="$WORK/tool:$WORK/app-classes/BOOT-INF/classes:$DEPS"
command -v chromium >/dev/null || { log "installing chromium (the kiosks)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

for p in $((BASE)) $((BASE + 1)) $((BASE + 2)) $((BASE + 3)) $((BASE + 11)) $((BASE + 12)) $((BASE + 13)) \
         $((BASE + 25)) $((BASE + 71)) $((BASE + 72)) $((BASE + 73)) $((BASE + 81)) $((BASE + 82)) $((BASE + 83)) $((BASE + 91)) $((BASE + 92)) $((BASE + 93)); do
  if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "port $p is taken: set PROOF_PORT_BASE" >&2; exit 2; fi
done

# --- 2. Three Galera members ------------------------------------------------------------------
db_port() { echo $((BASE + $1)); }
GCOMM="gcomm://127.0.0.1:$((BASE + 11)),127.0.0.1:$((BASE + 12)),127.0.0.1:$((BASE + 13))"
# The servers run as Debian's mysql user (as the packaged service does), not root: the rsync state
# transfer's daemon would otherwise write as "nobody" and fail.
DBW=$WORK/mysql
mkdir -p "$DBW"
chmod 755 "$WORK"
for i in 1 2 3; do
  mkdir -p "$DBW/db$i"
  cat > "$WORK/db$i.cnf" <<CNF
[mysqld]
user=mysql
datadir=$DBW/db$i
socket=$DBW/db$i.sock
pid-file=$DBW/db$i.pid
log-error=$DBW/db$i.err
port=$(db_port $i)
bind-address=127.0.0.1
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
innodb_buffer_pool_size=128M
innodb_flush_log_at_trx_commit=2
# What Galera requires:
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=hailong-proof
wsrep_cluster_address=$GCOMM
wsrep_node_name=db$i
wsrep_node_address=127.0.0.1:$((BASE + 10 + i))
wsrep_provider_options="base_port=$((BASE + 10 + i));ist.recv_addr=127.0.0.1:$((BASE + 20 + i));gcache.size=128M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((BASE + 30 + i))
CNF
done
chown -R mysql:mysql "$DBW"

start_db() { # i [extra args]
  local i=$1; shift
  mariadbd --defaults-file="$WORK/db$i.cnf" "$@" >>"$WORK/db$i.out" 2>&1 &
  DB_PID[$i]=$!
  PIDS+=("$!")
}
wait_synced() { # i
  local i=$1
  for _ in $(seq 1 180); do
    if [[ "$(mariadb --protocol=socket -S "$DBW/db$i.sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null \
          | awk '{print $2}')" == Synced ]]; then return 0; fi
    if ! kill -0 "${DB_PID[$i]}" 2>/dev/null; then tail -30 "$DBW/db$i.err" >&2; return 1; fi
    sleep 1
  done
  tail -30 "$DBW/db$i.err" >&2; return 1
}
declare -a DB_PID APP_PID
log "db1: initialising and bootstrapping the cluster (--wsrep-new-cluster)"
mariadb-install-db --no-defaults --datadir="$DBW/db1" --user=mysql --auth-root-authentication-method=normal >"$WORK/db1.install" 2>&1
start_db 1 --wsrep-new-cluster
wait_synced 1
mariadb -S "$DBW/db1.sock" -uroot <<SQL
CREATE DATABASE hailong CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON hailong.* TO '$DB_USER'@'127.0.0.1';
GRANT PROCESS ON *.* TO '$DB_USER'@'127.0.0.1';
SQL
for i in 2 3; do
  log "db$i: joining (state transfer by rsync)"
  start_db $i
  wait_synced $i
done
log "cluster: size $(mariadb -S "$DBW/db1.sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')"

# --- 3. Migrations once, then the app nodes (validate only) -----------------------------------
# Flyway's lock is GET_LOCK, which Galera does not replicate: the dedicated step migrates, the
# nodes only validate (hailong.migrations=validate), so two nodes starting at once cannot both migrate.
url_for() { # the node's own member first, the others as fail-over (Connector/J "sequential")
  local a=$1 b=$(( $1 % 3 + 1 )) c=$(( ($1 + 1) % 3 + 1 ))
  echo "jdbc:mariadb:sequential://127.0.0.1:$(db_port $a),127.0.0.1:$(db_port $b),127.0.0.1:$(db_port $c)/hailong"
}
export DATABASE_USER=$DB_USER DATABASE_PASSWORD=$DB_PASSWORD
export SURVEY_LINK_SECRET=proof-only-survey-link-secret-0123456789abcdef
export PUBLIC_BASE_URL=https://hailong.example.gov.vn
export HAILONG_API_BOOTSTRAP_KEYS_0_NAME=proof-one-stop HAILONG_API_BOOTSTRAP_KEYS_0_KEY=$API_KEY
export DATABASE_POOL_SIZE=20
# The app nodes clustered (ADR 086: kiosk handovers pushed across nodes), the follow-up e-mails to
# the proof's SMTP sink, whose mail job runs every 5 s here.
export HAILONG_CLUSTER_ENABLED=true HAILONG_CLUSTER_BIND_ADDRESS=127.0.0.1
export HAILONG_CLUSTER_MEMBERS="127.0.0.1:$((BASE + 91)),127.0.0.1:$((BASE + 92)),127.0.0.1:$((BASE + 93))"
export SMTP_HOST=127.0.0.1 SMTP_PORT=$((BASE + 25)) HAILONG_MAIL_POLL=PT5S
log "migrating once: java -jar ... --migrate-only"
DATABASE_URL=$(url_for 1) "$JAVA" -jar "$JAR" --spring.profiles.active=prod --migrate-only >"$WORK/migrate.log" 2>&1 \
  || { tail -40 "$WORK/migrate.log" >&2; exit 1; }
log "$(grep -o 'Hài Lòng: .*' "$WORK/migrate.log" || tail -1 "$WORK/migrate.log")"
# The JDK's AOT cache (JEP 483/514/515, Java 25; Spring Boot's "AOT Cache"): the jar extracted, one
# training run that starts the context against member 1 with the nodes' own settings and JVM options
# and exits once it is refreshed (spring.context.exit=onRefresh), writing the classes it loaded and
# linked (and the method profiles seen) to app.aot; the nodes then start from the extracted jar with
# -XX:AOTCache. AOTMode=on: a node that cannot map the cache fails to start instead of going on
# without it, so "AOT cache: on" in the report means every node used it.
APP_JAR=$JAR
AOT_NOTE="off (PROOF_AOT=0)"
if [[ "$AOT" == 1 ]]; then
  log "AOT cache: extracting the jar, training run against db1 (-XX:AOTCacheOutput, spring.context.exit=onRefresh)"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >"$WORK/aot-extract.log" 2>&1 \
    || { cat "$WORK/aot-extract.log" >&2; exit 1; }
  APP_JAR=$WORK/app/$(basename "$JAR")
  trained_from=$(date +%s)
  env DATABASE_URL="$(url_for 1)" HAILONG_MIGRATIONS=validate HAILONG_CLUSTER_PORT=$((BASE + 91)) MANAGEMENT_PORT=$((BASE + 71)) \
    "$JAVA" "${APP_JAVA_OPTS[@]}" -XX:AOTCacheOutput="$WORK/app.aot" -Dspring.context.exit=onRefresh \
      -jar "$APP_JAR" --spring.profiles.active=prod --server.port=$((BASE + 81)) >"$WORK/aot-training.log" 2>&1 \
    || { tail -40 "$WORK/aot-training.log" >&2; exit 1; }
  [[ -s "$WORK/app.aot" ]] || { tail -40 "$WORK/aot-training.log" >&2; echo "no AOT cache written" >&2; exit 1; }
  AOT_NOTE="on ($(( $(stat -c %s "$WORK/app.aot") / 1048576 )) MB, trained in $(( $(date +%s) - trained_from )) s with ${APP_JAVA_OPTS[*]})"
  APP_JAVA_OPTS+=(-XX:AOTCache="$WORK/app.aot" -XX:AOTMode=on)
  log "AOT cache: $AOT_NOTE"
fi
# A trace of the rollup outbox for the report (not part of the app): every row inserted into and
# deleted from rollup_pending, with the member it happened on, so that a change missing from the
# rollups can be followed (was it queued? which member's drainer deleted it, when?).
mariadb -S "$DBW/db1.sock" -uroot hailong <<'SQL'
CREATE TABLE proof_pending_trace (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, op CHAR(1) NOT NULL, pending_id UUID NOT NULL,
  subject CHAR(1) NOT NULL, subject_id UUID NOT NULL, origin_node UUID NOT NULL, attempts INT NULL,
  member VARCHAR(20) NOT NULL, at DATETIME(6) NOT NULL, KEY (subject_id));
CREATE TRIGGER proof_pending_inserted AFTER INSERT ON rollup_pending FOR EACH ROW
  INSERT INTO proof_pending_trace (op, pending_id, subject, subject_id, origin_node, attempts, member, at)
  VALUES ('I', NEW.id, NEW.subject, NEW.subject_id, NEW.origin_node, NEW.attempts, @@wsrep_node_name, NOW(6));
CREATE TRIGGER proof_pending_deleted AFTER DELETE ON rollup_pending FOR EACH ROW
  INSERT INTO proof_pending_trace (op, pending_id, subject, subject_id, origin_node, attempts, member, at)
  VALUES ('D', OLD.id, OLD.subject, OLD.subject_id, OLD.origin_node, OLD.attempts, @@wsrep_node_name, NOW(6));
SQL

start_app() { # i [more env]
  local i=$1; shift
  # Each node its own management port (the actuator; the default 8081 is one per host).
  env DATABASE_URL="$(url_for "$i")" HAILONG_MIGRATIONS=validate HAILONG_CLUSTER_PORT=$((BASE + 90 + i)) MANAGEMENT_PORT=$((BASE + 70 + i)) "$@" \
    "$JAVA" "${APP_JAVA_OPTS[@]}" -jar "$APP_JAR" --spring.profiles.active=prod --server.port=$((BASE + 80 + i)) \
      --logging.level.org.springframework.core.retry=debug --logging.level.org.springframework.resilience=debug \
      >"$WORK/app$i.log" 2>&1 &
  APP_PID[$i]=$!
  PIDS+=("$!")
}
wait_app() { # i
  local i=$1
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$((BASE + 80 + i))/api/v1/openapi" 2>/dev/null; then return 0; fi
    if ! kill -0 "${APP_PID[$i]}" 2>/dev/null; then tail -40 "$WORK/app$i.log" >&2; return 1; fi
    sleep 1
  done
  tail -40 "$WORK/app$i.log" >&2; return 1
}
log "app1 on db1"
start_app 1
wait_app 1
UNIT=$("$JAVA" -cp "$TOOL_CP" vn.hailong.cluster.ClusterProof setup "http://127.0.0.1:$((BASE + 81))" "$API_KEY")
# Counters of the unit's centre for the handovers, from the site configuration (kiosk-config/README.md).
mkdir -p "$WORK/site"
{
  echo "centres:"
  echo "  - {code: TT-PROOF, name: Trung tâm thử cụm, agency: \"$UNIT\"}"
  echo "counters:"
  for c in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "  - {code: PROOF-Q$c, name: Quầy $c, centre: TT-PROOF}"; done
  echo "  - {code: PROOF-K1, name: Quầy kiosk 1, centre: TT-PROOF}"
  echo "  - {code: PROOF-K2, name: Quầy kiosk 2, centre: TT-PROOF}"
  echo "devices:"
  echo "  - {code: proof-kiosk-1, counter: PROOF-K1}"
  echo "  - {code: proof-kiosk-2, counter: PROOF-K2}"
} > "$WORK/site/site.yaml"
# app2 and app3 start together: only validating, they cannot race on the schema.
log "unit $UNIT; app2 on db2 and app3 on db3, started at once"
start_app 2 KIOSK_CONFIG_DIR="$WORK/site"
start_app 3 KIOSK_CONFIG_DIR="$WORK/site"
wait_app 2
wait_app 3
COUNTERS=$(seq -s, -f 'PROOF-Q%g' 1 12)

# --- 4. HAProxy, the load, the kills ----------------------------------------------------------
LB_PORT=$((BASE + 80)) APP1_PORT=$((BASE + 81)) APP2_PORT=$((BASE + 82)) APP3_PORT=$((BASE + 83)) \
  haproxy -f src/test/cluster/haproxy.cfg -db >"$WORK/haproxy.log" 2>&1 &
PIDS+=("$!")
sleep 2
for i in 1 2 3; do
  log "db$i session default: $(mariadb -S "$DBW/db$i.sock" -uroot -N -e 'SELECT @@tx_isolation, @@wsrep_sync_wait')"
done
log "load: ${SECONDS_LOAD} s; kill -9 db3 at $((SECONDS_LOAD / 3)) s, app2 at $((SECONDS_LOAD / 2)) s; db3 restarts at $((SECONDS_LOAD * 2 / 3)) s"
"$JAVA" -Dproof.started="$WORK/load-started" -Dproof.smtp=$((BASE + 25)) -Dproof.kiosks=proof-kiosk-1@PROOF-K1@0,proof-kiosk-2@PROOF-K2@2 \
  -cp "$TOOL_CP" vn.hailong.cluster.ClusterProof run "$SECONDS_LOAD" $((BASE + 80)) \
  "$((BASE + 81)),$((BASE + 82)),$((BASE + 83))" "$(db_port 1),$(db_port 2),$(db_port 3)" "$API_KEY" "$UNIT" "$COUNTERS" \
  "$DB_USER" "$DB_PASSWORD" >"$WORK/report.txt" 2>"$WORK/proof.err" &
LOAD=$!
PIDS+=("$LOAD")
# The kills count from the start of the load proper, after the tablets are enrolled.
for _ in $(seq 1 300); do [[ -e "$WORK/load-started" ]] || ! kill -0 "$LOAD" 2>/dev/null && break; sleep 1; done
sleep $((SECONDS_LOAD / 3)); log "kill -9 db3 (pid ${DB_PID[3]})"; kill -9 "${DB_PID[3]}"
# 20 s later: is every app node still answering (its readiness probe), and what are its threads
# doing (a node whose database member died once stopped answering altogether: issue 18)?
( sleep 20
  for i in 1 2 3; do
    code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((BASE + 70 + i))/actuator/health/readiness" || true)
    log "db3 killed 20 s ago: app$i readiness ${code:-none}"
    "$(dirname "$JAVA")/jcmd" "${APP_PID[$i]}" Thread.print >"$WORK/threads-app$i-after-db3-kill.txt" 2>&1 || true
  done ) &
sleep $((SECONDS_LOAD / 2 - SECONDS_LOAD / 3)); log "kill -9 app2 (pid ${APP_PID[2]})"; kill -9 "${APP_PID[2]}"
sleep $((SECONDS_LOAD * 2 / 3 - SECONDS_LOAD / 2)); log "db3: restarting (rejoins by IST)"; start_db 3
set +e
wait "$LOAD"; RC=$?
set -e
wait_synced 3 && log "db3: Synced again, cluster size $(mariadb -S "$DBW/db1.sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')" \
  || log "db3 did not rejoin"

# --- 5. Report ---------------------------------------------------------------------------------
echo
cat "$WORK/report.txt"
grep -v '^\s*$' "$WORK/proof.err" | head -5 || true
# A counted rating the rollups do not know (no ledger row): what the outbox trace says about it.
MISSING=$(mariadb -S "$DBW/db1.sock" -uroot -N hailong -e "SELECT r.id FROM rating r LEFT JOIN rating_rollup_ledger l
  ON l.rating_id = r.id WHERE l.rating_id IS NULL AND r.status = 'COUNTED' LIMIT 5" 2>/dev/null || true)
if [[ -n "$MISSING" ]]; then
  echo "== Ratings without a rollup ledger row, and their outbox trace"
  for id in $MISSING; do
    mariadb -S "$DBW/db1.sock" -uroot hailong -e "SELECT r.id, r.channel, r.submitted_at FROM rating r WHERE r.id = '$id';
      SELECT op, pending_id, subject, origin_node, attempts, member, at FROM proof_pending_trace WHERE subject_id = '$id'
      OR subject_id = (SELECT dossier_id FROM rating WHERE id = '$id') ORDER BY seq" || true
  done
fi
echo "== Apps"
echo "AOT cache: $AOT_NOTE; JVM options: ${APP_JAVA_OPTS[*]}"
for i in 1 2 3; do
  printf 'app%s: %s\n' "$i" "$(grep -o 'Started HaiLongApplication in .*' "$WORK/app$i.log" | head -1 || echo 'no start-up line')"
done
# Spring's retry logs at DEBUG (switched on above): "Preparing to retry" is an attempt made again
# after a failure its predicate calls transient, "completed successfully after retry" one that
# then succeeded, "exhausted" a retry that gave up (or a failure that was not worth retrying).
# The driver warns of every error 1213, how Galera reports a certification failure.
for i in 1 2 3; do
  printf 'app%s: retries %s, succeeded after retry %s, gave up %s, error 1213 seen %s, ERROR lines %s\n' "$i" \
    "$(grep -c 'Preparing to retry operation' "$WORK/app$i.log" || true)" \
    "$(grep -c 'completed successfully after retry' "$WORK/app$i.log" || true)" \
    "$(grep -c 'exhausted; aborting' "$WORK/app$i.log" || true)" \
    "$(grep -c 'ErrorPacket .*1213' "$WORK/app$i.log" || true)" "$(grep -c ' ERROR ' "$WORK/app$i.log" || true)"
done
echo "retries, by operation (all nodes):"
grep -h 'Preparing to retry operation' "$WORK"/app*.log | grep -o "operation '[A-Za-z.]*" | sort | uniq -c | sort -rn || true
echo "gave up, by root cause (all nodes):"
awk '/exhausted; aborting/ {inside = 1; cause = ""; next}
     inside && /^Caused by: / {cause = $3}
     inside && /^[0-9]{4}-/ {if (cause != "") print cause; inside = 0}
     END {if (inside && cause != "") print cause}' "$WORK"/app*.log | sort | uniq -c | sort -rn | head -5 || true
exit $RC
