#!/usr/bin/env bash
# Measures FreeRADIUS 3.2 on loopback with `steppe bench radius`, in two configurations:
#   files  the reference baseline (shared/reference/freeradius): PAP, CHAP, accounting acknowledged with "ok";
#   sql    accounting written to PostgreSQL through rlm_sql (sql/radiusd.conf here), PostgreSQL started by
#          this script in a scratch data directory.
# Installs what is missing with apt-get (Debian 12), starts everything in a scratch folder, and stops all it
# started when it exits, however it exits. Prints each run's report and a summary table.
#
# Usage (from anywhere; needs ops/target/steppe.jar:  ./mvnw -q -DskipTests package):
#   scripts/bench-freeradius/run.sh
# Environment:
#   STEPPE_SHARED    the shared folder holding reference/freeradius (default: shared/ beside the repository)
#   STEPPE_CMD       how to run steppe (default: java -jar <repo>/ops/target/steppe.jar)
#   BENCH_ONLY       files | sql: run one configuration only (default: both)
#   BENCH_DURATION   measured seconds per run (default 10); BENCH_WARMUP seconds (default 2)
#   BENCH_WINDOW     requests outstanding (default 64); BENCH_RATE requests/s instead of --max
#   BENCH_PG_PORT    PostgreSQL port for the sql configuration (default 55432)
#   BENCH_KEEP=1     keep the scratch folder (logs, results) instead of deleting it
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
reference=${STEPPE_SHARED:-$here/../../../shared}/reference/freeradius
steppe=${STEPPE_CMD:-java -jar $repo/ops/target/steppe.jar}
only=${BENCH_ONLY:-all}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-2}
# Not the generator's 256: FreeRADIUS's socket keeps the kernel's default receive buffer (~208 KB, about 200
# small datagrams), and at 256 outstanding a pause of its reader drops a few (seen in /proc/net/udp "drops").
# 64 gives the same requests/s with none lost and a third of the latency.
window=${BENCH_WINDOW:-64}
load=(--max)
[ -n "${BENCH_RATE:-}" ] && load=(--rate "$BENCH_RATE")
export BENCH_PG_PORT=${BENCH_PG_PORT:-55432} BENCH_PG_USER=radius BENCH_PG_PASSWORD=radius-bench BENCH_PG_DB=radius
secret=testing123

log() { echo "bench-freeradius: $*" >&2; }
die() { log "$*"; exit 1; }

work=
fr_pid=
fr_dir=
pg_data=
pg_bin=
policy_rc_added=
as_postgres=()

cleanup() {
    local status=$?
    set +e
    stop_freeradius
    if [ -n "$pg_data" ]; then
        "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 20 stop >/dev/null 2>&1
    fi
    [ -n "$policy_rc_added" ] && rm -f /usr/sbin/policy-rc.d
    if [ -n "$work" ]; then
        if [ "${BENCH_KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then log "logs kept in $work"; else rm -rf "$work"; fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# (a) FreeRADIUS, radclient, rlm_sql_postgresql and a PostgreSQL server, from Debian, if missing.
install_missing() {
    local need=()
    command -v freeradius >/dev/null || [ -x /usr/sbin/freeradius ] || need+=(freeradius)
    command -v radclient >/dev/null || need+=(freeradius-utils)
    [ -e /usr/lib/freeradius/rlm_sql_postgresql.so ] || need+=(freeradius-postgresql)
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
    [ ${#need[@]} -eq 0 ] && return
    log "installing ${need[*]}"
    # Debian starts a package's service on install (FreeRADIUS on 1812/1813, a PostgreSQL cluster); forbid it
    # for the length of the install unless a policy is already in place.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
        as_root chmod 755 /usr/sbin/policy-rc.d
        policy_rc_added=1
    fi
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
    if [ -n "$policy_rc_added" ]; then as_root rm -f /usr/sbin/policy-rc.d; policy_rc_added=; fi
}

port_free() {
    ! command -v ss >/dev/null || [ -z "$(ss -Hln "( sport = :$1 )" 2>/dev/null)" ]
}

# Status-Server (RFC 5997) until the server answers, at most 10 s.
wait_for_radius() {
    local port=$1 kind=$2 i
    for i in $(seq 50); do
        if echo "Message-Authenticator = 0x00" | radclient -q -r 1 -t 1 "127.0.0.1:$port" status "$secret" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$fr_pid" 2>/dev/null || break
        sleep 0.2
    done
    tail -n 20 "$fr_dir/log/radius.log" "$fr_dir/log/stdout" >&2 2>/dev/null || true
    die "FreeRADIUS did not answer on 127.0.0.1:$port ($kind)"
}

# (c) One FreeRADIUS, multi-threaded, in the foreground of a background job so that its PID is ours.
start_freeradius() {
    fr_dir=$1
    mkdir -p "$fr_dir/log" "$fr_dir/run"
    (cd "$fr_dir" && freeradius -C -d "$fr_dir" >"$fr_dir/log/check" 2>&1) \
        || { cat "$fr_dir/log/check" >&2; die "config check failed in $fr_dir"; }
    (cd "$fr_dir" && exec freeradius -f -d "$fr_dir" >"$fr_dir/log/stdout" 2>&1) &
    fr_pid=$!
}

stop_freeradius() {
    [ -n "$fr_pid" ] || return 0
    kill "$fr_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$fr_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$fr_pid" 2>/dev/null || true
    wait "$fr_pid" 2>/dev/null || true
    fr_pid=
}

# CPU ticks (user + system) of a process and its children, from /proc: PostgreSQL works in its backends.
cpu_ticks() {
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do
        [ -r "/proc/$pid/stat" ] || continue
        total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}

# (d) One run of the generator; its RESULT line goes to results with the configuration's name in front.
bench() {
    local config=$1 mode=$2 port=$3
    shift 3
    log "$config: $mode on 127.0.0.1:$port, ${duration} s after ${warmup} s warm-up"
    $steppe bench radius --mode "$mode" "${load[@]}" --duration "$duration" --warmup "$warmup" --window "$window" \
        --target "127.0.0.1:$port" --secret "$secret" --server-pid "$fr_pid" "$@" | tee "$work/out"
    grep '^RESULT ' "$work/out" | sed "s/^RESULT /RESULT config=$config /" >>"$work/results"
}

run_files() {
    [ -e "$reference/radiusd.conf" ] || die "no FreeRADIUS reference config in $reference (set STEPPE_SHARED)"
    port_free 18120 && port_free 18130 || die "127.0.0.1:18120 or :18130 is in use"
    cp -r "$reference/." "$work/files"
    start_freeradius "$work/files"
    wait_for_radius 18120 auth
    bench files pap 18120 --user alice --password alice-pass
    bench files chap 18120 --user alice --password alice-pass
    bench files acct 18130
    stop_freeradius
}

start_postgres() {
    pg_bin=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)
    port_free "$BENCH_PG_PORT" || die "port $BENCH_PG_PORT is in use (set BENCH_PG_PORT)"
    # PostgreSQL refuses to run as root: as root, its data directory belongs to the postgres user.
    if [ "$(id -u)" = 0 ]; then as_postgres=(runuser -u postgres --); fi
    mkdir -p "$work/pg"
    chmod 755 "$work"
    [ ${#as_postgres[@]} -eq 0 ] || chown postgres: "$work/pg"
    "${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --no-sync >"$work/pg/initdb.log" 2>&1 \
        || { cat "$work/pg/initdb.log" >&2; die "initdb failed"; }
    pg_data=$work/pg/data
    # Durable defaults (fsync, synchronous_commit on): each accounting packet is one committed transaction.
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -t 30 \
        -o "-p $BENCH_PG_PORT -c listen_addresses=127.0.0.1 -k $work/pg -c max_connections=100" start >/dev/null \
        || { cat "$work/pg/server.log" >&2; die "PostgreSQL did not start"; }
    local psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT")
    "${psql[@]}" -U postgres -d postgres -c "CREATE ROLE $BENCH_PG_USER LOGIN PASSWORD '$BENCH_PG_PASSWORD'" \
        -c "CREATE DATABASE $BENCH_PG_DB OWNER $BENCH_PG_USER"
    "${psql[@]}" -U "$BENCH_PG_USER" -d "$BENCH_PG_DB" -f /etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql
}

run_sql() {
    port_free 18130 || die "127.0.0.1:18130 is in use"
    [ -e /etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql ] || die "no FreeRADIUS PostgreSQL schema (freeradius-config)"
    start_postgres
    mkdir -p "$work/sql"
    cp "$here/sql/radiusd.conf" "$work/sql/"
    start_freeradius "$work/sql"
    wait_for_radius 18130 acct
    local postmaster before after
    postmaster=$(head -n 1 "$pg_data/postmaster.pid")
    before=$(cpu_ticks "$postmaster")
    bench sql acct 18130
    after=$(cpu_ticks "$postmaster")
    stop_freeradius
    local rows
    rows=$(psql -X -At -h 127.0.0.1 -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d "$BENCH_PG_DB" \
        -c "SELECT count(*) || ' sessions, max acctsessiontime ' || coalesce(max(acctsessiontime), 0) FROM radacct")
    echo "PostgreSQL: radacct holds $rows; PostgreSQL used $(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.2f", t / hz }') s of CPU over the whole run (warm-up included)" | tee -a "$work/summary"
}

summary() {
    echo
    echo "Summary (${duration} s measured per run, window $window, ${load[*]}):"
    awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
           printf "  %-5s %-4s %9s req/s  p50 %7s ms  p99 %7s ms  lost %-6s  generator %5s us/req  FreeRADIUS %5s us/req\n",
                  v["config"], v["mode"], v["req_per_s"], v["p50_ms"], v["p99_ms"], v["lost"], v["client_cpu_us_per_req"],
                  v["server_cpu_us_per_req"] }' "$work/results"
    [ -e "$work/summary" ] && sed 's/^/  /' "$work/summary"
    return 0
}

install_missing
command -v java >/dev/null || die "java is not installed (JDK 17+)"
[ -n "${STEPPE_CMD:-}" ] || [ -e "$repo/ops/target/steppe.jar" ] || die "build steppe first: (cd $repo && ./mvnw -q -DskipTests package)"
$steppe bench radius --help >/dev/null 2>&1 || die "'$steppe bench radius' does not run (is the bench command registered?)"
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-freeradius.XXXXXX")
: >"$work/results"
case $only in
    all) run_files; run_sql ;;
    files) run_files ;;
    sql) run_sql ;;
    *) die "BENCH_ONLY must be files or sql, was '$only'" ;;
esac
summary
