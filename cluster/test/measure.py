#!/usr/bin/env python3
"""Figures for docs/cluster.md: the balancer against one node reached directly, alternated in one
run (FD_* lines of cluster/up.sh in the environment). Prints a table; asserts nothing.

  through the balancer vs node 1: 1 GiB upload and download, 50 concurrent 1 MiB uploads,
  small commands (PWD round trips); and the price of a cluster-wide lock: HASH of an empty file
  (takes a download lock: one compare-and-set write to take it, one to give it back) against STAT
  of it (no lock), on node 1, for four files at the root and four three directories down. A write
  costs more when node 1 is not the primary owner of the file's entry in the replicated table (it
  goes through the owner), so each file's line also names its owner: the node whose CPU time (from
  /proc/<pid>/stat, FD_CLUSTER_DIR/nodeN.pid) grows most besides node 1's, or node 1 when the two
  others grow alike. With --single HOST:PORT the lock is also measured on a single server, whose
  locks are in its JVM. --locks measures only the locks.
"""
import argparse
import concurrent.futures
import glob
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
from fdclient import FileDockClient, ProtocolError  # noqa: E402

HOST = os.environ["FD_HOST"]
LB = (HOST, int(os.environ["FD_PORT"]))
NODE1 = tuple((lambda h, p: (h, int(p)))(*os.environ["FD_NODES"].split(",")[0].split(":")))


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def big_file(size):
    f = tempfile.NamedTemporaryFile(delete=False, prefix="fd-measure-")
    chunk = os.urandom(1 << 20)
    for _ in range(size >> 20):
        f.write(chunk)
    f.close()
    return f.name


def transfer_1g(target, local, name):
    c = FileDockClient(*target, timeout=300)
    try:
        up = c.upload(local, name)
        down = c.download(name, local + ".back")
    finally:
        c.close()
        os.unlink(local + ".back")
    return up, down


def concurrent_uploads(target, local, prefix, n=50):
    def one(i):
        c = FileDockClient(*target, timeout=120)
        try:
            c.upload(local, "%s-%d.bin" % (prefix, i))
        finally:
            c.close()
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return timed(lambda: list(pool.map(one, range(n))))


def round_trips(target, words, n):
    c = FileDockClient(*target)
    try:
        for _ in range(50):
            c.command(*words)
        start = time.perf_counter()
        for _ in range(n):
            c.command(*words)
        return (time.perf_counter() - start) / n
    finally:
        c.close()


def node_pids():
    state = os.environ.get("FD_CLUSTER_DIR", "/tmp/filedock-cluster")
    pids = {}
    for f in sorted(glob.glob(os.path.join(state, "node*.pid"))):
        with open(f) as pid:
            pids[os.path.basename(f)[:-4]] = int(pid.read().strip())
    return pids


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def owner_of(cpu):
    """The primary owner of the entry node 1 wrote: the other node that worked clearly more."""
    others = sorted(((v, k) for k, v in cpu.items() if k != "node1"), reverse=True)
    if len(others) >= 2 and others[0][0] > 2 * others[1][0]:
        return others[0][1]
    return "node1"


def lock_prices(label, target, pids, rounds):
    """STAT and HASH (300 each) of empty files at two depths, alternated file by file: medians per file."""
    files = ["/measure-empty-%d.bin" % i for i in range(4)] + \
        ["/measure-deep/a/b/measure-empty-%d.bin" % i for i in range(4)]
    empty = big_file(0)
    c = FileDockClient(*target)
    for directory in ("/measure-deep", "/measure-deep/a", "/measure-deep/a/b"):
        try:
            c.command("MKDIR", directory)
        except ProtocolError:  # there already
            pass
    for path in files:
        c.upload(empty, path)
    c.close()
    os.unlink(empty)
    lines = []
    for path in files:
        stat, hashed, cpu = [], [], {k: [] for k in pids}
        for _ in range(rounds):
            stat.append(round_trips(target, ["STAT", path], 300))
            before = {k: cpu_seconds(p) for k, p in pids.items()}
            hashed.append(round_trips(target, ["HASH", path], 300))
            for k, p in pids.items():
                cpu[k].append(cpu_seconds(p) - before[k])
        s, h = statistics.median(stat) * 1e6, statistics.median(hashed) * 1e6
        owner = owner_of({k: statistics.median(v) for k, v in cpu.items()}) if pids else "-"
        lines.append((path, s, h, owner))
        print("%-14s %-40s STAT %5.0f us  HASH %5.0f us  (lock and hash: %+6.0f us)  entry owned by %s"
              % (label, path, s, h, h - s, owner), flush=True)
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--single", help="host:port of a single-node server for the lock figure")
    parser.add_argument("--locks", action="store_true", help="only the price of a lock")
    args = parser.parse_args()
    if not args.locks:
        throughput(args.rounds)
    lock_prices("cluster node1", NODE1, node_pids(), args.rounds)
    if args.single:
        h, p = args.single.split(":")
        lock_prices("single node", (h, int(p)), {}, args.rounds)


def throughput(rounds):
    mib = big_file(1 << 20)
    gib = big_file(1 << 30)
    targets = {"balancer": LB, "node1": NODE1}
    results = {k: {"up1g": [], "down1g": [], "50x1m": [], "pwd": []} for k in targets}
    try:
        for r in range(rounds):
            order = list(targets.items()) if r % 2 == 0 else list(reversed(targets.items()))
            for name, target in order:
                up, down = transfer_1g(target, gib, "/measure-1g.bin")
                results[name]["up1g"].append((1 << 30) / up / 1e6)
                results[name]["down1g"].append((1 << 30) / down / 1e6)
                results[name]["50x1m"].append(50 * (1 << 20) / concurrent_uploads(target, mib, "/measure-%s" % name) / 1e6)
                results[name]["pwd"].append(round_trips(target, ["PWD"], 2000) * 1e6)
        print("%-10s %14s %14s %16s %12s" % ("", "1 GiB up MB/s", "1 GiB down MB/s", "50x1MiB up MB/s", "PWD us"))
        for name in targets:
            m = {k: statistics.median(v) for k, v in results[name].items()}
            print("%-10s %14.0f %14.0f %16.0f %12.0f" % (name, m["up1g"], m["down1g"], m["50x1m"], m["pwd"]))
    finally:
        for f in (mib, gib):
            os.unlink(f)


if __name__ == "__main__":
    main()
