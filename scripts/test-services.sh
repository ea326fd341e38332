#!/usr/bin/env bash
# Starts a throw-away PostgreSQL and Redis on loopback for integration tests and
# benchmarks, installing them from Debian's packages when missing (as root).
#
#   source scripts/test-services.sh        # starts them, exports the variables below
#   stop_test_services                     # stops them and removes their data
#
# Exports:
#   TENANCY_TEST_PG_URL            postgresql://tenancy@127.0.0.1:<port>/postgres
#   TENANCY_TEST_REDIS_URL         redis://127.0.0.1:<port>
#   BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING  (read by TestDatabases)
#   BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING         (read by TestCaches)

# runuser and the PostgreSQL tools live in sbin, which minimal PATHs leave out.
case ":$PATH:" in *:/usr/sbin:*) ;; *) export PATH="$PATH:/usr/sbin:/sbin" ;; esac

_svc_pg_port="${TENANCY_TEST_PG_PORT:-54329}"
_svc_redis_port="${TENANCY_TEST_REDIS_PORT:-63799}"
_svc_dir="$(mktemp -d /tmp/tenancy-test-services.XXXXXX)"

_svc_install() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "test-services: ${missing[*]} missing and this user cannot install them" >&2
    return 1
  fi
  (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

_svc_start_pg() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  local data="$_svc_dir/pg"
  mkdir -p "$data"
  # PostgreSQL refuses to run as root: run it as the postgres user when we are root.
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$_svc_dir"
    chmod 755 "$_svc_dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$data" -U tenancy --auth=trust >/dev/null || return 1
  "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$_svc_dir/pg.log" -w \
    -o "-p $_svc_pg_port -k $_svc_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
    start >/dev/null || { cat "$_svc_dir/pg.log" >&2; return 1; }
  _svc_pg_stop=("${as[@]}" "$bin/pg_ctl" -D "$data" -m fast stop)
}

_svc_start_redis() {
  redis-server --port "$_svc_redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$_svc_dir/redis.pid" --logfile "$_svc_dir/redis.log" >/dev/null
  local i
  for i in $(seq 1 50); do
    redis-cli -p "$_svc_redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "test-services: redis did not start" >&2
  return 1
}

stop_test_services() {
  [ -n "${_svc_pg_stop:-}" ] && "${_svc_pg_stop[@]}" >/dev/null 2>&1
  [ -f "$_svc_dir/redis.pid" ] && kill "$(cat "$_svc_dir/redis.pid")" 2>/dev/null
  rm -rf "$_svc_dir"
}

if _svc_install && _svc_start_pg && _svc_start_redis; then
  export TENANCY_TEST_PG_URL="postgresql://tenancy@127.0.0.1:$_svc_pg_port/postgres"
  export TENANCY_TEST_REDIS_URL="redis://127.0.0.1:$_svc_redis_port"
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$TENANCY_TEST_PG_URL"
  export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING="$TENANCY_TEST_REDIS_URL"
  echo "test-services: PostgreSQL on 127.0.0.1:$_svc_pg_port, Redis on 127.0.0.1:$_svc_redis_port" >&2
else
  stop_test_services
  false
fi
