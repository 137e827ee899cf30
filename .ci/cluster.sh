#!/usr/bin/env bash
# The cluster tests (docs/cluster.md): installs what they need from Debian if missing (HAProxy,
# PostgreSQL, curl), builds the cluster server (mvn -Pcluster package -pl ear -am), starts three
# nodes with cluster/up.sh, runs cluster/test/cluster_test.py against them and stops everything
# with cluster/down.sh. Loopback only; bounded by FD_CLUSTER_TEST_TIMEOUT (default 1200 s).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v haproxy > /dev/null || missing+=(haproxy)
command -v curl > /dev/null || missing+=(curl)
compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ "${FD_CLUSTER_SKIP_BUILD:-}" != 1 ]; then
    rm -rf ear/target/server-cluster
    mvn -B -q package -Pcluster -DskipTests -pl ear -am
fi

export FD_CLUSTER_DIR=${FD_CLUSTER_DIR:-$(mktemp -d /tmp/filedock-cluster-ci.XXXXXX)}
trap 'cluster/down.sh' EXIT
# a quota for the shared root that the tests' files fit in, so that the quota test has little to fill
env_lines=$(FD_QUOTA=${FD_QUOTA:-96M} cluster/up.sh 3)
echo "$env_lines"
timeout "${FD_CLUSTER_TEST_TIMEOUT:-1200}" env $env_lines FD_CLUSTER_DIR="$FD_CLUSTER_DIR" \
    python3 cluster/test/cluster_test.py
