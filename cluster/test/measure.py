#!/usr/bin/env python3
"""Figures for docs/cluster.md: the balancer against one node reached directly, alternated in one
run (FD_* lines of cluster/up.sh in the environment). Prints a table; asserts nothing.

  through the balancer vs node 1: 1 GiB upload and download, 50 concurrent 1 MiB uploads,
  small commands (PWD round trips); and the price of a cluster-wide lock: HASH of an empty file
  (takes a download lock: one compare-and-set write to take it, one to give it back) against STAT
  of it (no lock), on node 1, for a file at the root and one three directories down. With --single HOST:PORT the last pair is also measured on a single
  server, whose locks are in its JVM.
"""
import argparse
import concurrent.futures
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--single", help="host:port of a single-node server for the lock figure")
    args = parser.parse_args()
    mib = big_file(1 << 20)
    gib = big_file(1 << 30)
    empty = big_file(0)
    targets = {"balancer": LB, "node1": NODE1}
    results = {k: {"up1g": [], "down1g": [], "50x1m": [], "pwd": []} for k in targets}
    try:
        for r in range(args.rounds):
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
        locks = [("cluster node1", NODE1)]
        if args.single:
            h, p = args.single.split(":")
            locks.append(("single node", (h, int(p))))
        for label, target in locks:
            # at the root, and three directories down (the cluster's lock costs the same at both)
            for path in ("/measure-empty.bin", "/measure-deep/a/b/measure-empty.bin"):
                c = FileDockClient(*target)
                for directory in ("/measure-deep", "/measure-deep/a", "/measure-deep/a/b")[:path.count("/") - 1]:
                    try:
                        c.command("MKDIR", directory)
                    except ProtocolError:  # there already
                        pass
                c.upload(empty, path)
                c.close()
                stat = statistics.median(round_trips(target, ["STAT", path], 1000) for _ in range(5)) * 1e6
                hashed = statistics.median(round_trips(target, ["HASH", path], 1000) for _ in range(5)) * 1e6
                print("%-14s %-38s STAT %5.0f us  HASH %5.0f us  (lock and hash: %+.0f us)"
                      % (label, path, stat, hashed, hashed - stat))
    finally:
        for f in (mib, gib, empty):
            os.unlink(f)


if __name__ == "__main__":
    main()
