#!/usr/bin/env bash
# Measures what recording the transfer-rate history costs: starts two copies of the provisioned
# WildFly, one with the history on and one with filedock.history.enabled=false, deploys the EAR
# on both, and runs HistoryOverheadBenchmark against them (uploads and downloads, interleaved).
# Build first: mvn -B package -DskipTests (which compiles the test classes too).
#
# usage: bench/history-overhead.sh [MiB per transfer (1024)] [rounds (15)] [warm-up rounds (6)]
# FILEDOCK_BENCH_STORAGE=/dev/shm keeps the stored files in memory, out of the disk's noise.
set -euo pipefail
cd "$(dirname "$0")/.."

mib=${1:-1024}
rounds=${2:-15}
warmup=${3:-6}
work=$(mktemp -d /tmp/filedock-bench.XXXXXX)
storage=$(mktemp -d "${FILEDOCK_BENCH_STORAGE:-$work}/filedock-bench-storage.XXXXXX")
offsets=(250 260)           # HTTP 8330/8340, management 10240/10250
ports=(7250 7260)            # the protocol ports
pids=()

stop_servers() {
    for i in 0 1; do
        "$work/server-$i/bin/jboss-cli.sh" -c --controller="127.0.0.1:$((9990 + offsets[i]))" \
            --command=":shutdown" > /dev/null 2>&1 || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
    rm -rf "$work" "$storage"
}
trap stop_servers EXIT

for i in 0 1; do
    enabled=$([ "$i" = 0 ] && echo true || echo false)
    cp -r ear/target/server "$work/server-$i"
    rm -rf "$work/server-$i/standalone/data"
    LANG=C.UTF-8 "$work/server-$i/bin/standalone.sh" -Djboss.socket.binding.port-offset="${offsets[i]}" \
        -Dfiledock.port="${ports[i]}" -Dfiledock.root="$storage/$i" -Dfiledock.history.enabled="$enabled" \
        > "$work/server-$i.log" 2>&1 &
    pids+=($!)
done
for i in 0 1; do
    for _ in $(seq 1 120); do
        "$work/server-$i/bin/jboss-cli.sh" -c --controller="127.0.0.1:$((9990 + offsets[i]))" \
            --command="deploy --force ear/target/filedock.ear" > /dev/null 2>&1 && break
        sleep 1
    done
done

classpath="integration-tests/target/test-classes:protocol/target/classes"
java -cp "$classpath" org.filedock.it.HistoryOverheadBenchmark "${ports[0]}" "${ports[1]}" "$mib" "$rounds" "$warmup"
