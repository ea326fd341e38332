#!/usr/bin/env bash
# Installs the published plugins into an app nobody here wrote, as a user would, and checks it
# works (yarn stock-app; .ci/run runs it with --skip-tsc after its type check):
#
#   build      yarn tsc (skipped with --skip-tsc) and `backstage-cli package build` of every
#              published package (plugins/* whose package.json is not private), with its types:
#              the backend's bundle build rebuilds them without (yarn build:all)
#   pack       `yarn pack` of each, which runs `backstage-cli package prepack`/`postpack`
#              (publishConfig and exports for dist/, workspace:^ ranges made real), as upstream
#   create     @backstage/create-app, offline: its yarn.lock seed comes from
#              stock-app/seed-yarn.lock instead of GitHub (stock-app/offlineSeed.cjs)
#   bump       the new app moved to this repository's Backstage release (backstage.json), the
#              way `backstage-cli versions:bump` would, by reading each @backstage package's
#              newest version from the registry (scripts/bumpBackstage.ts): create-app's newest
#              release still writes an older release's template
#   install    `yarn install` of the new app, then `yarn dedupe '@backstage/*'` as versions:bump
#   readmes    the "Installation" section of every published package's README, as written
#              (stock-app/installFromReadmes.ts), each packed package resolved to its tarball
#   frontend   production build of the app's frontend
#   start      the upstream simulators (yarn simulators:start, :7028) and the app's backend
#              (:7027, serving the frontend) with stock-app/app-config.stock.yaml
#   checks     stock-app/stockApp.test.ts (Playwright, Chromium): tenancy API, Tenant kind in the
#              catalog, the eight scaffolder actions, the fleet and a tenant page
#
# Prints the time of each phase, the packages packed and installed and the copies of
# @backstage/frontend-plugin-api and @backstage/core-plugin-api in the app, then
# "stock-app: ok in N s" or "stock-app: FAILED"; removes its temp dir and ends the processes it
# started, also when interrupted (STOCK_APP_KEEP=1 keeps the temp dir).
set -euo pipefail

cd "$(dirname "$0")/.."
repo="$(pwd)"
# shellcheck source=ensure-node.sh
source scripts/ensure-node.sh >/dev/null
# shellcheck source=wait-ready.sh
source scripts/wait-ready.sh

# The newest @backstage/create-app on the registry (npm view @backstage/create-app version).
CREATE_APP=@backstage/create-app@0.9.2
SIMULATORS_PORT=7028
APP_URL=http://localhost:7027

skip_tsc=false
for arg in "$@"; do
  case "$arg" in
    --skip-tsc) skip_tsc=true ;;
    *) echo "usage: scripts/stock-app.sh [--skip-tsc]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/stock-app.XXXXXX")"
app="$work/app"
report_dir="$repo/.ci/reports/stock-app"
rm -rf "$report_dir"
mkdir -p "$work/packs" "$report_dir"
mapfile -t published < <(node -e '
  const fs = require("fs");
  for (const d of fs.readdirSync("plugins").sort()) {
    const f = `plugins/${d}/package.json`;
    if (fs.existsSync(f) && !JSON.parse(fs.readFileSync(f, "utf8")).private) console.log(`plugins/${d}`);
  }')

started_groups=()
cleanup() {
  local rc=$?
  for pgid in "${started_groups[@]}"; do
    kill -TERM -- "-$pgid" 2>/dev/null || true
  done
  # A pack interrupted between prepack and postpack leaves the publish-time package.json.
  for dir in "${published[@]}"; do
    if [ -f "$dir/package.json-prepack" ]; then mv "$dir/package.json-prepack" "$dir/package.json"; fi
  done
  if [ "${STOCK_APP_KEEP:-}" = 1 ]; then echo "stock-app: kept $work"; else rm -rf "$work"; fi
  if [ $rc -ne 0 ]; then echo "stock-app: FAILED (logs: $report_dir)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The new app's yarn.lock is create-app's seed, which its first install must rewrite, as it does on a
# user's machine. CI machines set CI, which makes yarn refuse any lockfile change by default.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false

# One yarn install at a time on a shared machine.
install_lock() {
  if command -v flock >/dev/null 2>&1; then flock "${TMPDIR:-/tmp}/yarn-install.lock" "$@"; else "$@"; fi
}

phase_names=()
phase_seconds=()
phase() {
  local name="$1" started=$SECONDS
  shift
  echo "::: stock-app: $name"
  "$@"
  phase_names+=("$name")
  phase_seconds+=($((SECONDS - started)))
}

build() {
  if [ "$skip_tsc" = false ]; then yarn tsc; fi
  for dir in "${published[@]}"; do (cd "$dir" && yarn backstage-cli package build); done
}

pack() {
  for dir in "${published[@]}"; do
    (cd "$dir" && yarn pack --out "$work/packs/%s-%v.tgz") >>"$report_dir/pack.log" 2>&1 || {
      tail -n 20 "$report_dir/pack.log"
      return 1
    }
  done
  "$repo/node_modules/.bin/tsx" scripts/stock-app/verifyPacks.ts "$work/packs"
}

create() {
  (cd "$work" && BACKSTAGE_APP_NAME=stock-app NODE_OPTIONS="--require $repo/scripts/stock-app/offlineSeed.cjs" \
    npx --yes "$CREATE_APP" --skip-install --path "$app") | tee "$report_dir/create-app.log" | grep -v '✔'
  if grep -q 'Failed to fetch the yarn.lock seed file' "$report_dir/create-app.log"; then
    echo "create-app did not take the offline yarn.lock seed" >&2
    return 1
  fi
}

bump() {
  "$repo/node_modules/.bin/tsx" scripts/bumpBackstage.ts --dir "$app" \
    --release "$(node -p 'require("./backstage.json").version')"
}

install() {
  (cd "$app" && install_lock bash -c 'yarn install && yarn dedupe "@backstage/*"' >"$report_dir/install.log" 2>&1) || {
    tail -n 30 "$report_dir/install.log"
    return 1
  }
}

readmes() {
  local readmes=()
  for dir in "${published[@]}"; do readmes+=("$repo/$dir/README.md"); done
  (cd "$app" && install_lock "$repo/node_modules/.bin/tsx" "$repo/scripts/stock-app/installFromReadmes.ts" \
    --app "$app" --packs "$work/packs" "${readmes[@]}") >"$report_dir/readmes.log" 2>&1 || {
    tail -n 40 "$report_dir/readmes.log"
    return 1
  }
  grep -E '^(:::|\$|~)' "$report_dir/readmes.log"
}

frontend() {
  (cd "$app" && yarn workspace app build --config ../../app-config.yaml \
    --config "$repo/scripts/stock-app/app-config.stock.yaml") >"$report_dir/frontend.log" 2>&1 || {
    tail -n 30 "$report_dir/frontend.log"
    return 1
  }
}

# Starts "$@" in folder $1 in its own process group (ended by cleanup), its output in log $2,
# and waits until the output has a line matching $3, for at most 4 minutes.
start_and_wait() {
  local dir="$1" log="$2" ready="$3" waited=0
  shift 3
  (cd "$dir" && exec setsid "$@") >"$log" 2>&1 &
  local pid=$!
  started_groups+=("$pid")
  until grep -q "$ready" "$log"; do
    sleep 2
    waited=$((waited + 2))
    if [ $waited -ge 240 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "no \"$ready\" from $*; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
  done
  echo "$* ready after ${waited} s"
}

start() {
  start_and_wait "$repo" "$report_dir/simulators.log" "simulators listening on :$SIMULATORS_PORT" \
    yarn simulators:start --port "$SIMULATORS_PORT" --gitops-repo "$work/gitops-repo"
  export STOCK_APP_TOKEN STOCK_APP_GITOPS_REPO="$work/gitops-repo"
  STOCK_APP_TOKEN="$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
  start_and_wait "$app" "$report_dir/backend.log" "Listening on .*:7027" \
    yarn workspace backend start --config ../../app-config.yaml \
    --config "$repo/scripts/stock-app/app-config.stock.yaml"
  wait_ready "$APP_URL" "${started_groups[-1]}" 120 "$report_dir/backend.log" "the stock app's backend"
}

checks() {
  STOCK_APP_URL="$APP_URL" STOCK_APP_REPORT_DIR="$report_dir" CI=true \
    yarn playwright test --config scripts/stock-app/playwright.config.ts
}

# Copies of a package in the app's node_modules trees, by version.
copies() {
  (cd "$app" && find . -path "*/node_modules/$1/package.json" -not -path '*/dist/*' -print0 |
    xargs -0 -r node -e 'const n = {};
      for (const f of process.argv.slice(1)) { const v = require(require("path").resolve(f)).version; n[v] = (n[v] ?? 0) + 1; }
      console.log(Object.keys(n).sort().map(v => `${v} x${n[v]}`).join(", "))')
}

total_started=$SECONDS
phase build build
phase pack pack
phase create create
phase bump bump
phase install install
phase readmes readmes
phase frontend frontend
phase start start
phase checks checks

echo "::: stock-app figures"
for i in "${!phase_names[@]}"; do printf '  %-9s %4d s\n' "${phase_names[$i]}" "${phase_seconds[$i]}"; done
echo "  packages packed: $(find "$work/packs" -name '*.tgz' | wc -l) (${published[*]##*/})"
echo "  Backstage release of the app: $(node -p "require('$app/backstage.json').version")"
echo "  packages installed in the app: $(cd "$app" && grep -c '^  resolution: ' yarn.lock)"
echo "  copies of @backstage/frontend-plugin-api: $(copies @backstage/frontend-plugin-api)"
echo "  copies of @backstage/core-plugin-api: $(copies @backstage/core-plugin-api)"
echo "stock-app: ok in $((SECONDS - total_started)) s"
