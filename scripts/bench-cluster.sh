#!/usr/bin/env bash
# Steppe's RADIUS server as one node and as two nodes on one PostgreSQL, under the same generator, in one run:
#  1. node A alone: PAP and Accounting Interim-Update at --max;
#  2. node B joins (same database, A's keys): the same, with one generator per node at once, and their sum;
#  3. the cost of keeping the nodes' memory in step: PAP at 10,000/s on node A while node B takes accounting at
#     2,000/s, whose every commit notifies A; with the change triggers of V37 on and then off, A's CPU a login
#     beside each. One generator per node, as more JVMs than cores would measure the scheduler.
# Node A runs the embedded PostgreSQL; B connects to it by STEPPE_DB_URL. Traffic goes to 127.0.0.1 only and
# every run is bounded in time.
#
# Usage: ./mvnw -q -DskipTests package && scripts/bench-cluster.sh
# Environment: BENCH_DURATION (default 10), BENCH_WARMUP (default 30), BENCH_WINDOW (default 64)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$repo/ops/target/steppe.jar
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-30}
window=${BENCH_WINDOW:-64}
secret=bench-secret-0123456789
[ -f "$jar" ] || { echo "bench-cluster: build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
command -v psql >/dev/null || { echo "bench-cluster: needs psql (postgresql-client) to switch the triggers" >&2; exit 1; }

work=$(mktemp -d)
pid_a=
pid_b=
cleanup() {
    status=$?
    for p in $pid_b $pid_a; do kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT INT TERM

# node NAME API_PORT AUTH_PORT ACCT_PORT PORTAL_PORT [extra env…] COMMAND…: runs COMMAND in that node's environment,
# in place of this shell (run it as "( node … ) &" so that $! is the JVM's own pid, whose CPU is measured)
node() {
    local name=$1 api=$2 auth=$3 acct=$4 portal=$5
    shift 5
    exec env STEPPE_HOME="$work/$name" STEPPE_BIND_ADDRESS=127.0.0.1 STEPPE_API_PORT="$api" STEPPE_RADIUS_AUTH_PORT="$auth" \
        STEPPE_RADIUS_ACCT_PORT="$acct" STEPPE_PORTAL_PORT="$portal" STEPPE_PORTAL2_PORT=$((auth + 100)) "$@"
}
await_health() {
    for _ in $(seq 1 120); do
        curl -fs -m 1 "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "bench-cluster: the node on :$1 did not become healthy" >&2
    return 1
}
# bench TARGET_PORT SERVER_PID MODE RATE_OR_MAX: one generator, its RESULT line
bench() {
    local rate=(--max)
    [ "$4" != max ] && rate=(--rate "$4")
    java -jar "$jar" bench radius --mode "$3" "${rate[@]}" --duration "$duration" --warmup "$warmup" --window "$window" \
        --target "127.0.0.1:$1" --secret "$secret" --users "$work/vouchers-$3" --server-pid "$2" | grep '^RESULT'
}
field() { sed -E "s/.* $1=([0-9.]+).*/\1/"; }

echo "bench-cluster: node A, 20,000 vouchers" >&2
(node a 18081 11812 11813 18080 java -jar "$jar" nas add --name bench-gw --ip 127.0.0.1 --secret "$secret") >/dev/null
for _ in 1 2; do
    (node a 18081 11812 11813 18080 java -jar "$jar" voucher create --count 10000 --minutes 6000 --valid-days 30 --devices 100) \
        >> "$work/vouchers"
done
# Logins and accounting are of different vouchers in every run: the generator names a session by its simulated
# client, so accounting of the login vouchers would update their sessions, and the mixed runs would measure logins
# whose usage keeps changing (each then reads the database), not the cost of the notices.
head -10000 "$work/vouchers" > "$work/vouchers-pap"
tail -10000 "$work/vouchers" > "$work/vouchers-acct"
(node a 18081 11812 11813 18080 java -jar "$jar" serve) > "$work/a.out" 2> "$work/a.err" &
pid_a=$!
await_health 18081
pg_port=$(sed -n 4p "$work/a/pgdata/postmaster.pid")
postmaster=$(head -1 "$work/a/pgdata/postmaster.pid")
# CPU seconds of the embedded PostgreSQL (postmaster and backends), which the nodes' own figures leave out.
pg_cpu() { ps -o cputimes= -p "$postmaster" --ppid "$postmaster" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
pg_password=$(cat "$work/a/keys/postgres.password")
sql() { PGPASSWORD=$pg_password psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d steppe -c "$1"; }
triggers() {
    for t in usage_opened usage_updated usage_closed; do sql "ALTER TABLE radius_session_open $1 TRIGGER $t"; done
    sql "ALTER TABLE radius_session $1 TRIGGER usage_recorded"
}

results=$work/results
for mode in pap acct; do
    port=11812
    [ "$mode" = acct ] && port=11813
    echo "bench-cluster: one node, $mode" >&2
    echo "one-node $(bench "$port" "$pid_a" "$mode" max)" | tee -a "$results"
done

echo "bench-cluster: node B joins" >&2
mkdir -p "$work/b"
cp -a "$work/a/keys" "$work/b/keys"
(node b 18091 11822 11823 18090 STEPPE_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/steppe" STEPPE_DB_USER=postgres \
    STEPPE_DB_PASSWORD="$pg_password" java -jar "$jar" serve) > "$work/b.out" 2> "$work/b.err" &
pid_b=$!
await_health 18091

for mode in pap acct; do
    offset=0
    [ "$mode" = acct ] && offset=1
    echo "bench-cluster: two nodes, $mode, a generator on each" >&2
    bench $((11812 + offset)) "$pid_a" "$mode" max > "$work/two-a" &
    first=$!
    bench $((11822 + offset)) "$pid_b" "$mode" max > "$work/two-b"
    wait "$first"
    echo "two-nodes-A $(cat "$work/two-a")" | tee -a "$results"
    echo "two-nodes-B $(cat "$work/two-b")" | tee -a "$results"
    total=$(( $(field req_per_s < "$work/two-a") + $(field req_per_s < "$work/two-b") ))
    echo "two-nodes-total mode=$mode req_per_s=$total" | tee -a "$results"
done

for state in ENABLE DISABLE; do
    echo "bench-cluster: PAP at 10,000/s on node A beside accounting at 2,000/s on node B, triggers $state" >&2
    triggers "$state"
    pg_before=$(pg_cpu)
    bench 11823 "$pid_b" acct 2000 > "$work/acct-b" &
    acct_b=$!
    bench 11812 "$pid_a" pap 10000 > "$work/pap-a"
    wait "$acct_b"
    pg_used=$(( $(pg_cpu) - pg_before ))
    echo "mixed-triggers-$state-pap-a $(cat "$work/pap-a")" | tee -a "$results"
    echo "mixed-triggers-$state-acct-b $(cat "$work/acct-b")" | tee -a "$results"
    echo "mixed-triggers-$state postgres_cpu_s_whole_run=$pg_used" | tee -a "$results"
done
triggers ENABLE

echo
echo "Steppe, one node and two:"
sed -E 's/^([^ ]+) RESULT mode=([a-z]+) .*rate=([a-z0-9]+) .*req_per_s=([0-9]+) .*p99_ms=([0-9.]+).*server_cpu_us_per_req=([0-9.]+).*/  \1 \2 offered \3: \4\/s, p99 \5 ms, \6 us server CPU a request/;
        s/^two-nodes-total mode=([a-z]+) req_per_s=([0-9]+)/  two nodes together, \1: \2\/s/;
        s/^mixed-triggers-([A-Z]+) postgres_cpu_s_whole_run=([0-9]+)/  triggers \1: PostgreSQL \2 s of CPU (warm-up included)/' "$results"
