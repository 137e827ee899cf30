# Sourced by up.sh and down.sh: where a cluster on this machine lives and which ports it uses.
# Node k (1..N) runs with port offset FD_CLUSTER_OFFSET + (k-1)*100: protocol 7021+offset,
# HTTP 8080+offset, management (health) 9990+offset, JGroups 7600+offset, FD_SOCK2 57600+offset.
FD_CLUSTER_DIR=${FD_CLUSTER_DIR:-/tmp/filedock-cluster}
FD_CLUSTER_OFFSET=${FD_CLUSTER_OFFSET:-600}
FD_CLUSTER_HOST=127.0.0.1
FD_LB_PORT=${FD_LB_PORT:-$((7021 + FD_CLUSTER_OFFSET - 10))}
FD_LB_HTTP_PORT=${FD_LB_HTTP_PORT:-$((8080 + FD_CLUSTER_OFFSET - 10))}
FD_PG_PORT=${FD_PG_PORT:-$((5432 + FD_CLUSTER_OFFSET))}
# a node stopped by SIGTERM (down.sh) drains: it leaves the rotation, lets running transfers finish
# for up to this many seconds, then stops
FD_DRAIN_SECONDS=${FD_DRAIN_SECONDS:-30}

node_offset() { echo $((FD_CLUSTER_OFFSET + ($1 - 1) * 100)); }
node_port() { echo $((7021 + $(node_offset "$1"))); }
node_http_port() { echo $((8080 + $(node_offset "$1"))); }
node_management_port() { echo $((9990 + $(node_offset "$1"))); }
node_jgroups_port() { echo $((7600 + $(node_offset "$1"))); }

# runs a PostgreSQL tool as the postgres user when root (initdb refuses root)
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }
