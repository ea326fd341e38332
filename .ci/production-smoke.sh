#!/usr/bin/env bash
# The production shape, started once (a step of .ci/run, after the production
# build): the backend bundle of `yarn build:backend`, laid out and run as
# packages/backend/Dockerfile does (`node packages/backend --config
# app-config.yaml --config app-config.production.yaml`), against the test
# PostgreSQL and Redis of scripts/test-services.sh and the standalone
# simulators (`yarn simulators:start`) as its only upstreams, which
# .ci/app-config.production-smoke.yaml lists. Checks that the tenancy API
# answers with the external-access token only, that quota came from the
# simulated clusters, and that the catalog lives in PostgreSQL and the
# tenancy results in Redis. Backend port 7017, simulators 7018.
#
# One difference from the image: the dependencies are the repository's
# installed node_modules (linked in), not a `yarn workspaces focus --all
# --production` install, which would rebuild the native addons (minutes).
set -uo pipefail

cd "$(dirname "$0")/.."
repo="$(pwd)"
# shellcheck source=../scripts/wait-ready.sh
source scripts/wait-ready.sh
report_dir="$repo/.ci/reports"
mkdir -p "$report_dir"
backend_port=7017
simulators_port=7018
image="$(mktemp -d /tmp/tenancy-production-smoke.XXXXXX)"

cleanup() {
  [ -n "${backend_pid:-}" ] && kill "$backend_pid" 2>/dev/null
  [ -n "${simulators_pid:-}" ] && kill -TERM -- "-$simulators_pid" 2>/dev/null
  wait 2>/dev/null
  declare -F stop_test_services >/dev/null && stop_test_services
  rm -rf "$image"
}
trap cleanup EXIT

fail() {
  echo "production smoke test: $*" >&2
  exit 1
}

# A node_modules entry of the repository, linked into the image: workspace
# packages (symlinks into the repository) point at their bundled copy.
link_entry() {
  if [ -L "$1" ]; then
    local target
    target="$(realpath "$1")"
    case "$target" in
      "$repo"/*)
        [ -e "$image/${target#"$repo"/}" ] && ln -s "$image/${target#"$repo"/}" "$2"
        return 0
        ;;
    esac
  fi
  ln -s "$1" "$2"
}

link_modules() {
  local entry sub
  mkdir -p "$2"
  for entry in "$1"/* "$1"/.bin; do
    [ -e "$entry" ] || continue
    case "$(basename "$entry")" in
      @*)
        mkdir -p "$2/$(basename "$entry")"
        for sub in "$entry"/*; do
          link_entry "$sub" "$2/$(basename "$entry")/$(basename "$sub")"
        done
        ;;
      *) link_entry "$entry" "$2/$(basename "$entry")" ;;
    esac
  done
}

# /app of the image: skeleton, dependencies, examples, bundle, app-config files
# and templates, in the order of the Dockerfile's steps.
[ -f packages/backend/dist/bundle.tar.gz ] || fail "no packages/backend/dist/bundle.tar.gz; run yarn build:backend first"
tar xzf packages/backend/dist/skeleton.tar.gz -C "$image" || fail "could not unpack the skeleton"
cp -r examples "$image/examples"
tar xzf packages/backend/dist/bundle.tar.gz -C "$image" || fail "could not unpack the bundle"
cp app-config*.yaml "$image/"
cp -r templates "$image/templates"
link_modules "$repo/node_modules" "$image/node_modules"
for dir in packages/* plugins/*; do
  if [ -d "$image/$dir" ] && [ -d "$repo/$dir/node_modules" ]; then
    link_modules "$repo/$dir/node_modules" "$image/$dir/node_modules"
  fi
done

# shellcheck source=../scripts/test-services.sh
source scripts/test-services.sh || fail "could not start PostgreSQL and Redis"
pg_port="${TENANCY_TEST_PG_URL##*:}"
pg_port="${pg_port%%/*}"
redis_port="${TENANCY_TEST_REDIS_URL##*:}"

# The simulators' GitOps repository stands in for the forge (created from examples/).
export TENANCY_GITOPS_REPO="$image/gitops-repo"
# In its own process group, so cleanup ends yarn and the node process it starts.
setsid yarn simulators:start --port "$simulators_port" --gitops-repo "$TENANCY_GITOPS_REPO" \
  >"$report_dir/production-simulators.log" 2>&1 &
simulators_pid=$!
for _ in $(seq 1 60); do
  grep -q "simulators listening on :$simulators_port" "$report_dir/production-simulators.log" && break
  kill -0 "$simulators_pid" 2>/dev/null || break
  sleep 1
done
grep -q "simulators listening on :$simulators_port" "$report_dir/production-simulators.log" ||
  fail "the simulators did not start: $(tail -n 5 "$report_dir/production-simulators.log")"

# Every value app-config.production.yaml reads from the environment; the
# secrets are random for this run (the simulators accept any Argo CD session
# of their fixed user and the fixed service-account token).
api_token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
(
  cd "$image" &&
    exec env NODE_ENV=production \
      APP_BASE_URL="http://localhost:$backend_port" \
      POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$pg_port" POSTGRES_USER=tenancy \
      POSTGRES_PASSWORD="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
      REDIS_URL="$TENANCY_TEST_REDIS_URL" \
      TENANCY_API_TOKEN="$api_token" \
      K8S_TOKEN=simulated-service-account-token \
      ARGOCD_USERNAME=admin ARGOCD_PASSWORD=simulated-password \
      node packages/backend --config app-config.yaml --config app-config.production.yaml \
      --config "$repo/.ci/app-config.production-smoke.yaml"
) >"$report_dir/production-backend.log" 2>&1 &
backend_pid=$!

base="http://localhost:$backend_port"
wait_ready "$base" "$backend_pid" 180 "$report_dir/production-backend.log" "production backend" ||
  fail "the production backend did not become ready"
curl -fsS -o /dev/null "$base/.backstage/health/v1/liveness" || fail "liveness does not answer"

api() {
  curl -sS -H "authorization: Bearer $api_token" "$base/api/tenancy$1"
}

status="$(curl -sS -o /dev/null -w '%{http_code}' "$base/api/tenancy/v1/sources")"
[ "$status" = 401 ] || fail "GET /api/tenancy/v1/sources without a token answered $status, not 401"

status="$(curl -sS -o /dev/null -w '%{http_code}' -H "authorization: Bearer $api_token" "$base/api/catalog/entities?limit=1")"
[ "$status" = 403 ] || fail "the tenancy-only token reached the catalog API ($status, not 403)"

# The first refresh of every source and the first read of the GitOps repository.
for _ in $(seq 1 60); do
  fresh="$(api /v1/sources | node -e '
    const b = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.stdout.write(String(b.items.length > 0 && b.items.every(s => s.lastSuccessAt)));
  ' 2>/dev/null)"
  tenants="$(api /v1/tenants | node -e '
    const b = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const p = b.items.find(t => t.entityRef === "tenant:default/payments");
    process.stdout.write(String(p && p.namespaceCount > 0 && p.quotaUtilisation !== undefined ? b.items.length : 0));
  ' 2>/dev/null)"
  [ "$fresh" = true ] && [ "${tenants:-0}" -gt 0 ] && break
  sleep 2
done
[ "$fresh" = true ] || fail "not every source refreshed: $(api /v1/sources)"
[ "${tenants:-0}" -gt 0 ] || fail "GET /v1/tenants has no tenant payments with namespaces: $(api /v1/tenants | head -c 600)"
echo "tenancy API: every source refreshed from the simulators, $tenants tenants in GET /v1/tenants"

psql_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql"
in_pg="$("$psql_bin" -h 127.0.0.1 -p "$pg_port" -U tenancy -d backstage_plugin_catalog -tAc \
  "select count(*) from final_entities where final_entity like '%\"kind\":\"Tenant\"%'" 2>&1)"
[ "${in_pg:-0}" -gt 0 ] 2>/dev/null || fail "no Tenant entity in PostgreSQL's backstage_plugin_catalog.final_entities: $in_pg"
echo "PostgreSQL: $in_pg Tenant entities in backstage_plugin_catalog.final_entities"

in_redis="$(redis-cli -p "$redis_port" --scan --pattern 'tenancy-portal:tenancy:*' | wc -l)"
[ "$in_redis" -gt 0 ] || fail "no tenancy-portal:tenancy:* key in Redis: $(redis-cli -p "$redis_port" --scan | head -n 5)"
echo "Redis: $in_redis keys tenancy-portal:tenancy:* (the tenancy plugin's shared results)"
