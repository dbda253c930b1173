#!/usr/bin/env bash
# The captive portal's login page under wrk (Debian), and nginx serving a saved copy of the same page, in one run;
# then full SMS logins (redirect, code, verify, /logon URL) with `steppe bench portal`.
# Loopback only; each run is bounded (BENCH_DURATION seconds).
# Usage: ./mvnw -q -DskipTests package && scripts/bench-portal.sh
# Needs: apt-get install wrk nginx-light
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$repo/ops/target/steppe.jar
duration=${BENCH_DURATION:-10}
connections=${BENCH_CONNECTIONS:-32}
# Ports base, +1 (API), +2 and +3 (RADIUS), +10 (nginx): another run on the same machine takes another base.
base=${BENCH_PORT_BASE:-18080}
portal_port=$base api_port=$((base + 1)) nginx_port=$((base + 10))
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "bench-portal: apt-get install wrk nginx-light" >&2; exit 1; }

home=$(mktemp -d)
# nginx's workers run as an unprivileged user: the saved page lives outside STEPPE_HOME (keys, database), readable.
www=$(mktemp -d)
chmod 755 "$www"
serve_pid=
nginx_started=
cleanup() {
    status=$?
    [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
    [ -n "$nginx_started" ] && nginx -c "$home/nginx.conf" -s stop 2>/dev/null
    rm -rf "$home" "$www"
    exit "$status"
}
trap cleanup EXIT INT TERM

# The per-gateway SMS limit and the hourly budget are lifted for the run: every benchmarked login comes through one
# gateway. Codes go to the admin-only dev outbox, read with an admin's token.
export STEPPE_HOME=$home STEPPE_BIND_ADDRESS=127.0.0.1 STEPPE_PORTAL_PORT=$portal_port STEPPE_API_PORT=$api_port \
       STEPPE_RADIUS_AUTH_PORT=$((base + 2)) STEPPE_RADIUS_ACCT_PORT=$((base + 3)) STEPPE_SMS=outbox \
       STEPPE_SMS_GATEWAY_LIMIT=1000000 STEPPE_SMS_HOURLY_BUDGET=10000000
java -jar "$jar" nas add --name bench-gw --ip 127.0.0.1 --secret bench-secret-0123456789 --uam-address 10.1.0.1 >/dev/null 2>&1
java -jar "$jar" user add --name bench --role admin --password bench-admin-password >/dev/null 2>&1
java -jar "$jar" serve > "$home/serve.out" 2> "$home/serve.err" &
serve_pid=$!
for _ in $(seq 1 120); do curl -fs -m 1 http://127.0.0.1:$api_port/health >/dev/null 2>&1 && break; sleep 0.5; done
token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-admin-password"}' \
    http://127.0.0.1:$api_port/api/login | sed 's/.*"token":"\([^"]*\)".*/\1/')

path="/?res=notyet&uamip=10.1.0.1&uamport=3990&challenge=00112233445566778899aabbccddeeff&called=02-00-5E-10-00-01&mac=AA-BB-CC-00-00-01&ip=10.1.0.5&nasid=bench-gw&sessionid=5f3a0001&userurl=http%3A%2F%2Fexample.org%2F"
curl -fs "http://127.0.0.1:$portal_port$path" > "$www/index.html"
chmod 644 "$www/index.html"
echo "login page: $(wc -c < "$www/index.html") bytes, no other asset"
cat > "$home/nginx.conf" <<CONF
worker_processes 2;
pid $home/nginx.pid;
error_log $home/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$nginx_port;
        root $www;
        location / { try_files /index.html =404; default_type text/html; }
    }
}
CONF
nginx -c "$home/nginx.conf"
nginx_started=1

curl -fs "http://127.0.0.1:$portal_port$path" >/dev/null   # warm the JIT a little before measuring
wrk -t2 -c"$connections" -d5s --latency "http://127.0.0.1:$portal_port$path" >/dev/null
echo "== Steppe portal"
wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$portal_port$path"
echo "== nginx, saved copy"
wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$nginx_port$path"
echo "== full SMS logins (30 s of warm-up for the JIT, then the measured run)"
java -jar "$jar" bench portal --portal 127.0.0.1:$portal_port --api 127.0.0.1:$api_port --nasid bench-gw --api-token "$token" --concurrency 16 --duration 30 >/dev/null
# The generator shares the cores: the server's own CPU (JVM, and PostgreSQL with its backends) is read from /proc.
pg_pid=$(head -1 "$home/pgdata/postmaster.pid")
server_ticks() {
    local t=$(awk '{print $14 + $15}' /proc/$serve_pid/stat) p
    for p in $pg_pid $(pgrep -P "$pg_pid"); do t=$((t + $(awk '{print $14 + $15 + $16 + $17}' /proc/$p/stat 2>/dev/null || echo 0))); done
    echo "$t"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
before=$(server_ticks)
java -jar "$jar" bench portal --portal 127.0.0.1:$portal_port --api 127.0.0.1:$api_port --nasid bench-gw --api-token "$token" --concurrency 16 --duration "$duration"
echo "server CPU (JVM and PostgreSQL) during the run: $(( ($(server_ticks) - before) * 10 )) ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
