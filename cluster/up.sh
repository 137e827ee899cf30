#!/usr/bin/env bash
# Starts a FileDock cluster on this machine: PostgreSQL (the one history), N WildFly nodes of the
# cluster server the build made (ear/target/server-cluster: mvn -Pcluster package -pl ear -am),
# all on one shared storage root, and HAProxy in front (TCP mode for the protocol, HTTP mode for
# the web part, both checking each node's readiness). Waits until the cluster serves, prints
# FD_HOST=, FD_PORT=, FD_ROOT=, FD_HTTP=, FD_NODES= one per line, and exits; cluster/down.sh stops
# it all. Settings: cluster/env.sh (FD_CLUSTER_DIR, FD_CLUSTER_OFFSET, ...).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/env.sh"
nodes=${1:-3}
server=${FD_CLUSTER_SERVER:-$here/../ear/target/server-cluster}
timeout_s=${FD_CLUSTER_TIMEOUT:-600}

[[ "$nodes" =~ ^[1-9]$ ]] || { echo "usage: $0 [nodes 1-9]" >&2; exit 2; }
[ -x "$server/bin/standalone.sh" ] || { echo "no cluster server at $server: mvn -Pcluster package -pl ear -am" >&2; exit 1; }
command -v haproxy > /dev/null || { echo "haproxy is missing: .ci/cluster.sh installs it" >&2; exit 1; }
for pid_file in "$FD_CLUSTER_DIR"/*.pid "$FD_CLUSTER_DIR/pg/postmaster.pid"; do
    if [ -f "$pid_file" ] && kill -0 "$(head -n 1 "$pid_file")" 2>/dev/null; then
        echo "a cluster is running from $FD_CLUSTER_DIR ($pid_file): cluster/down.sh first" >&2
        exit 1
    fi
done

log() { echo "[up] $*" >&2; }
deadline=$((SECONDS + timeout_s))
wait_for() { # what command...
    local what=$1; shift
    until "$@" > /dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then log "timed out waiting for $what"; exit 1; fi
        sleep 0.5
    done
}
on_failure() { log "failed; stopping what was started"; "$here/down.sh" >&2 || true; }
trap on_failure ERR

root=$FD_CLUSTER_DIR/storage
mkdir -p "$FD_CLUSTER_DIR" "$root"
[ "$(id -u)" = 0 ] && chmod 755 "$FD_CLUSTER_DIR"  # PostgreSQL runs as postgres
rm -rf "$FD_CLUSTER_DIR"/node[0-9]

# PostgreSQL: a private instance, trust authentication on loopback only
pgdata=$FD_CLUSTER_DIR/pg
if [ ! -f "$pgdata/PG_VERSION" ]; then
    rm -rf "$pgdata"; mkdir -p "$pgdata"
    [ "$(id -u)" = 0 ] && chown postgres: "$pgdata"
    as_postgres "$(pg_bin)/initdb" -D "$pgdata" -U postgres --auth=trust > "$FD_CLUSTER_DIR/initdb.log"
fi
log "PostgreSQL on port $FD_PG_PORT"
as_postgres "$(pg_bin)/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $FD_PG_PORT -k $pgdata -c listen_addresses=127.0.0.1" start > /dev/null
psql_pg() { psql -h 127.0.0.1 -p "$FD_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_pg -c "SELECT count(*) FROM pg_roles WHERE rolname = 'filedock'")" = 0 ]; then
    psql_pg -c "CREATE ROLE filedock LOGIN PASSWORD 'filedock'"
fi
if [ "$(psql_pg -c "SELECT count(*) FROM pg_database WHERE datname = 'filedock'")" = 0 ]; then
    psql_pg -c "CREATE DATABASE filedock OWNER filedock"
fi

start_node() { # k: a base directory of its own, and a start script (the tests restart a node with it)
    local k=$1 base=$FD_CLUSTER_DIR/node$1
    cp -a "$server/standalone" "$base"
    local peers="" p
    for p in 1 2 3; do
        peers+=" -Dfiledock.peer$p.port=$(node_jgroups_port "$p")"
    done
    log "node$k: protocol $(node_port "$k"), HTTP $(node_http_port "$k"), health $(node_management_port "$k")"
    cat > "$FD_CLUSTER_DIR/node$k.start" <<START
JBOSS_PIDFILE=$FD_CLUSTER_DIR/node$k.pid LAUNCH_JBOSS_IN_BACKGROUND=1 LANG=C.UTF-8 \\
    JAVA_OPTS="${FD_NODE_JAVA_OPTS:--Xms256m -Xmx768m} -Djava.net.preferIPv4Stack=true -Dorg.wildfly.sigterm.suspend.timeout=$FD_DRAIN_SECONDS" \\
    setsid nohup "$server/bin/standalone.sh" \\
    -Djboss.server.base.dir="$base" -Djboss.node.name=node$k \\
    -Djboss.socket.binding.port-offset=$(node_offset "$k") \\
    -Dfiledock.port=$(node_port "$k") -Dfiledock.tls-port=off -Dfiledock.root="$root" \\
    -Dfiledock.cluster.size=$nodes $peers -Dfiledock.drain-timeout=$FD_DRAIN_SECONDS \\
    -Dfiledock.quota=${FD_QUOTA:-unlimited} \\
    -Dfiledock.db.url=jdbc:postgresql://127.0.0.1:$FD_PG_PORT/filedock \\
    -Dfiledock.db.user=filedock -Dfiledock.db.password=filedock \\
    >> "$FD_CLUSTER_DIR/node$k.out" 2>&1 < /dev/null &
START
    bash "$FD_CLUSTER_DIR/node$k.start"
}
node_ready() { curl -fsS "http://127.0.0.1:$(node_management_port "$1")/health/ready"; }

# one node at a time: the first makes the history's tables; and two nodes joining at once on a
# loaded machine once left one of them waiting for its caches' state until it failed (ISPN000659)
for k in $(seq 1 "$nodes"); do
    start_node "$k"
    wait_for "node$k's readiness" node_ready "$k"
done

cluster_formed() {
    local k
    for k in $(seq 1 "$nodes"); do
        [ "$(curl -fsS "http://127.0.0.1:$(node_http_port "$k")/filedock/api/info" \
            | grep -o '"clusterMembers":\[[^]]*\]' | grep -o '"node[0-9]*"' | wc -l)" = "$nodes" ] || return 1
    done
}
wait_for "a view of $nodes members on every node" cluster_formed

cfg=$FD_CLUSTER_DIR/haproxy.cfg
tuning() { # section: HAProxy's speed settings (docs/cluster.md, "Speed"); FD_LB_TUNING=0 leaves them out
    [ "${FD_LB_TUNING:-1}" = 1 ] || return 0
    case $1 in
        global) printf '    %s\n' "tune.bufsize 65536" "maxpipes 1000" "tune.sched.low-latency on" ;;
        defaults) printf '    %s\n' "option splice-auto" "option tcp-smart-connect" ;;
    esac
}
balanced() { # name mode bind-port node-port-function: a front end and its nodes, each checked for readiness
    cat <<CFG
frontend filedock_$1
    mode $2
    bind $FD_CLUSTER_HOST:$3
    default_backend filedock_$1_nodes
backend filedock_$1_nodes
    mode $2
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
CFG
    local k
    for k in $(seq 1 "$nodes"); do
        echo "    server node$k 127.0.0.1:$($4 "$k") check port $(node_management_port "$k") inter 1s fall 2 rise 2"
    done
}
{
    cat <<CFG
global
    maxconn 8000
$(tuning global)
defaults
    # a node that drains for a stop has closed its port: a refused connection is tried on another node
    retries 3
    option redispatch
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout check 2s
$(tuning defaults)
CFG
    balanced protocol tcp "$FD_LB_PORT" node_port
    balanced http http "$FD_LB_HTTP_PORT" node_http_port
} > "$cfg"
haproxy -q -c -f "$cfg" > /dev/null
setsid nohup haproxy -db -f "$cfg" > "$FD_CLUSTER_DIR/haproxy.log" 2>&1 < /dev/null &
echo $! > "$FD_CLUSTER_DIR/haproxy.pid"
log "HAProxy on $FD_LB_PORT (protocol) and $FD_LB_HTTP_PORT (HTTP)"
greeting_through_balancer() { timeout 2 bash -c "exec 3<>/dev/tcp/$FD_CLUSTER_HOST/$FD_LB_PORT; head -c 2 <&3" | grep -q OK; }
wait_for "a greeting through the balancer" greeting_through_balancer

trap - ERR
node_list=$(for k in $(seq 1 "$nodes"); do printf '%s:%s\n' "$FD_CLUSTER_HOST" "$(node_port "$k")"; done | paste -sd, -)
echo "FD_HOST=$FD_CLUSTER_HOST"
echo "FD_PORT=$FD_LB_PORT"
echo "FD_ROOT=$root"
echo "FD_HTTP=http://$FD_CLUSTER_HOST:$FD_LB_HTTP_PORT/filedock"
echo "FD_NODES=$node_list"
