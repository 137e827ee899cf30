#!/usr/bin/env bash
# The small commands' floor for FileDock's own design: the connector's adapter with MKDIR, DIR,
# RMDIR and PWD done in place, no container (connector/src/test/java/.../AdapterFloor.java).
# Drive it with the same client as FileDock and bench/bare_server.py, e.g. compare_nonjvm.py's
# small-command loop, to see what the adapter costs by itself. Runs in the foreground.
#
#     bench/adapter_floor.sh 9040 /dev/shm/floor
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:?usage: $0 <port> <root>}
root=${2:?usage: $0 <port> <root>}
mvn -B -q package dependency:build-classpath -DskipTests -pl connector -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "connector/target/test-classes:connector/target/classes:$(cat connector/target/test-classpath.txt)" \
    org.filedock.connector.net.AdapterFloor "$port" "$root"
