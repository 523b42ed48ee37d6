#!/usr/bin/env bash
# Builds Telar and runs the unit and API tests (vitest projects unit, api-pglite, api-postgres) on
# Node.js 24, the second supported line next to Node.js 20. `npm test` covers the node on PATH.
#
# Node 24 comes from the npm package node-linux-<arch>@24, installed once under
# ${XDG_CACHE_HOME:-~/.cache}/telar/node-24, unless TELAR_NODE24 names a Node 24 binary.
# --install first runs `npm ci` with Node 24 (CI does, to check a fresh install on Node 24 too).
# The run does not print the plain "N passed, N failed" line: that one belongs to `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

major=24
node24="${TELAR_NODE24:-}"
if [ -z "$node24" ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "No hay paquete node-linux para la arquitectura $(uname -m); indique TELAR_NODE24=/ruta/a/node" >&2; exit 1 ;;
  esac
  prefix="${XDG_CACHE_HOME:-$HOME/.cache}/telar/node-$major"
  node24="$prefix/node_modules/node-linux-$arch/bin/node"
  if [ ! -x "$node24" ]; then
    echo "Instalando Node.js $major (node-linux-$arch@$major) en $prefix"
    npm install --no-save --no-audit --no-fund --prefix "$prefix" "node-linux-$arch@$major"
  fi
fi

version="$("$node24" --version)"
case "$version" in
  "v$major."*) ;;
  *) echo "$node24 es Node.js $version, no $major" >&2; exit 1 ;;
esac

# Node 24 first on PATH: npm, the build tools and vitest's workers (process.execPath) all run on it.
export PATH="$(cd "$(dirname "$node24")" && pwd):$PATH"
[ "$(node --version)" = "$version" ] || { echo "node en PATH no es $node24" >&2; exit 1; }

echo
echo "== Node.js $version: build, then unit and API tests (unit, api-pglite, api-postgres) =="
if [ "${1:-}" = --install ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/ensure-test-deps.sh
npm run build

status=0
node node_modules/vitest/vitest.mjs run --project unit --project api-pglite --project api-postgres --reporter=default || status=$?
if [ "$status" -eq 0 ]; then
  echo "Node.js $version: unit and API tests passed"
else
  echo "Node.js $version: unit and API tests FAILED (exit $status)"
fi
exit "$status"
