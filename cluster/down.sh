#!/usr/bin/env bash
# Stops what cluster/up.sh started, by the PIDs it recorded: the nodes gracefully and all at once
# (SIGTERM: each leaves the balancer's rotation, lets its running transfers finish for up to
# FD_DRAIN_SECONDS, then stops; SIGKILL 60 s after that), then the balancer, then PostgreSQL
# (pg_ctl stop). Keeps the logs and the shared storage root.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/env.sh"

stop_pid() { # name pid-file seconds-before-SIGKILL
    local pid_file=$2 pid
    [ -f "$pid_file" ] || return 0
    pid=$(head -n 1 "$pid_file")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "stopping $1 (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 $(($3 * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
            echo "$1 still running after $3 s: SIGKILL"
            kill -9 "$pid"
        fi
    fi
    rm -f "$pid_file"
}

# the nodes first, while the balancer still carries their running transfers
stopping=()
for pid_file in "$FD_CLUSTER_DIR"/node*.pid; do
    [ -e "$pid_file" ] || continue
    stop_pid "$(basename "$pid_file" .pid)" "$pid_file" $((FD_DRAIN_SECONDS + 60)) &
    stopping+=($!)
done
[ ${#stopping[@]} -eq 0 ] || wait "${stopping[@]}"
stop_pid haproxy "$FD_CLUSTER_DIR/haproxy.pid" 60
if [ -f "$FD_CLUSTER_DIR/pg/postmaster.pid" ]; then
    echo "stopping PostgreSQL (pid $(head -n 1 "$FD_CLUSTER_DIR/pg/postmaster.pid"))"
    as_postgres "$(pg_bin)/pg_ctl" -D "$FD_CLUSTER_DIR/pg" -m fast -w stop > /dev/null
fi
