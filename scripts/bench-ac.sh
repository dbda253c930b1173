#!/usr/bin/env bash
# Voucher logins through an access controller by the Portal protocol: `steppe serve` on a fresh STEPPE_HOME, a
# gateway registered as a Huawei v2 AC at 127.0.0.1, 20,000 vouchers, then `steppe bench ac`, whose simulated AC
# answers the portal and asks the RADIUS server as a real AC does (and sends each login's Accounting-Start). The
# server's JVM and the embedded PostgreSQL's CPU are reported beside the rate. Loopback only, bounded in time.
#
# Usage: ./mvnw -q -DskipTests package && scripts/bench-ac.sh
# Environment: BENCH_DURATION (default 10), BENCH_WARMUP (default 30), BENCH_CONCURRENCY (default 8)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$repo/ops/target/steppe.jar
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-30}
concurrency=${BENCH_CONCURRENCY:-8}
secret=bench-ac-radius-secret-01
portal_secret=bench-ac-portal-key
[ -f "$jar" ] || { echo "bench-ac: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
    status=$?
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT INT TERM

export STEPPE_HOME=$work/home STEPPE_BIND_ADDRESS=127.0.0.1 STEPPE_PORTAL_PORT=18380 STEPPE_API_PORT=18381 \
    STEPPE_RADIUS_AUTH_PORT=11912 STEPPE_RADIUS_ACCT_PORT=11913 STEPPE_PORTAL2_PORT=15100
java -jar "$jar" nas add --name bench-ac --ip 127.0.0.1 --secret "$secret" --portal-protocol huawei-v2 \
    --portal-secret "$portal_secret" --portal-port 12000 >/dev/null
for _ in 1 2; do
    java -jar "$jar" voucher create --count 10000 --minutes 60 --valid-days 1 --devices 1 >> "$work/vouchers"
done
java -jar "$jar" serve > "$work/serve.out" 2> "$work/serve.err" &
pid=$!
for _ in $(seq 1 120); do
    curl -fs -m 1 "http://127.0.0.1:18381/health" >/dev/null 2>&1 && break
    sleep 0.5
done
postmaster=$(head -1 "$work/home/pgdata/postmaster.pid")
pg_cpu() { ps -o cputimes= -p "$postmaster" --ppid "$postmaster" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
pg_before=$(pg_cpu)
java -jar "$jar" bench ac --portal 127.0.0.1:18380 --portal-protocol-port 15100 --radius 127.0.0.1:11912 \
    --accounting 127.0.0.1:11913 --ac-name bench-ac --ac-port 12000 --secret "$secret" --portal-secret "$portal_secret" \
    --vouchers "$work/vouchers" --concurrency "$concurrency" --warmup "$warmup" --duration "$duration" --server-pid "$pid"
echo "PostgreSQL: $(( $(pg_cpu) - pg_before )) s of CPU over warm-up and run"
