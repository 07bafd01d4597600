#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the database tests (CI runs them once on PGlite, once on this).
#   bash scripts/start-test-postgres.sh start DIR   → installs Debian's postgresql if missing, initdb into DIR,
#                                                    starts it on a free loopback port, prints its URL (only that)
#   bash scripts/start-test-postgres.sh stop DIR    → stops it (and leaves DIR for the caller to remove)
# Every failure exits non-zero: CI must fail, never skip, when PostgreSQL cannot be had.
# PostgreSQL refuses to run as root, so as root the cluster belongs to a dedicated system user.
set -euo pipefail
exec </dev/null 3>&1 1>&2 # progress to stderr; the URL alone goes to the original stdout (fd 3)

action="${1:?usage: start-test-postgres.sh start|stop DIR}"
dir="${2:?usage: start-test-postgres.sh start|stop DIR}"
CLUSTER_USER=signet-pg

pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$bin" && -x "$bin/initdb" && -x "$bin/pg_ctl" ]] && echo "$bin"
}

# Runs a command as the cluster's owner: ourselves, or the dedicated user when we are root.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u "$CLUSTER_USER" -- "$@"; else "$@"; fi
}

install_postgres() {
  [[ -n "$(pg_bin)" ]] && return 0
  if [[ "$(id -u)" != 0 ]]; then
    echo "PostgreSQL server binaries are missing and only root can install them: apt-get install postgresql" >&2
    exit 1
  fi
  echo "installing Debian's postgresql package" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  [[ -n "$(pg_bin)" ]] || { echo "postgresql installed, but no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
}

free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start() {
  install_postgres
  local bin port
  bin="$(pg_bin)"
  mkdir -p "$dir"
  if [[ "$(id -u)" == 0 ]]; then
    id -u "$CLUSTER_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$CLUSTER_USER"
    chown "$CLUSTER_USER" "$dir"
  fi
  # Trust on loopback only: a throwaway cluster for tests, listening nowhere else.
  as_owner "$bin/initdb" -D "$dir/data" -U signet --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  port="$(free_port)"
  # 3>&-: the server must not inherit the URL's descriptor, or `$(… start …)` would wait for it to exit.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off" start >/dev/null 3>&- ||
    { cat "$dir/postgres.log" >&2; exit 1; }
  "$bin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null
  echo "postgresql $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $dir/data)" >&2
  echo "postgres://signet@127.0.0.1:$port/postgres" >&3
}

stop() {
  local bin
  bin="$(pg_bin)" || exit 0
  [[ -f "$dir/data/postmaster.pid" ]] || exit 0
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "unknown action $action (start or stop)" >&2; exit 2 ;;
esac
