#!/usr/bin/env bash
# The test suites need a PostgreSQL server and Chromium from Debian. Install them when we can
# (root, as in CI); otherwise stop with the one command that does. Never skip those suites.
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql postgresql-contrib)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  echo "Instalando lo que necesitan las pruebas: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive bash -c "$command"
else
  echo "Faltan paquetes para las pruebas (${missing[*]}). Ejecute:" >&2
  echo "  sudo sh -c '$command'" >&2
  exit 1
fi
