#!/usr/bin/env python3
"""What accounts cost: a LOGIN's round trip, and small commands after it beside a server without accounts.

Two FileDock servers must run: one with filedock.auth=none (--open-port) and one with
filedock.auth=required (--accounts-port, a user of its realm and FILEDOCK_PASSWORD). In
alternating rounds, on one connection each, it times MKDIR + DIR + RMDIR loops (bench/fdclient.py's
client, in this process) and prints the medians of the ops/s and their ratio; then the median
round trip of a successful LOGIN (a new connection each, the connect not counted) beside a PWD's.

    FILEDOCK_PASSWORD=... python3 bench/login_cost.py --open-port 7021 --accounts-port 7221 --user bench
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fdclient import FileDockClient  # noqa: E402


def small_commands(client, loops, prefix):
    start = time.perf_counter()
    for i in range(loops):
        name = "%s-%d" % (prefix, i)
        client.command("MKDIR", name)
        reply = client.command("DIR")
        for _ in range(int(reply)):
            client.line()
        client.command("RMDIR", name)
    return 3 * loops / (time.perf_counter() - start)


def round_trip(client, *words):
    start = time.perf_counter()
    client.command(*words)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--open-port", type=int, default=7021)
    parser.add_argument("--accounts-port", type=int, default=7221)
    parser.add_argument("--user", required=True)
    parser.add_argument("--loops", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--logins", type=int, default=50)
    args = parser.parse_args()
    password = os.environ["FILEDOCK_PASSWORD"]
    open_client = FileDockClient(args.host, args.open_port)
    accounts_client = FileDockClient(args.host, args.accounts_port)
    accounts_client.login(args.user, password)
    rates = {"open": [], "accounts": []}
    for r in range(2):  # warm-up, not counted
        small_commands(open_client, args.loops, "warm%d" % r)
        small_commands(accounts_client, args.loops, "warm%d" % r)
    for r in range(args.rounds):
        order = [("open", open_client), ("accounts", accounts_client)]
        if r % 2:
            order.reverse()
        for name, client in order:
            rates[name].append(small_commands(client, args.loops, "r%d" % r))
    open_client.close()
    accounts_client.close()
    logins, pwds = [], []
    for _ in range(args.logins):
        client = FileDockClient(args.host, args.accounts_port)
        logins.append(round_trip(client, "LOGIN", args.user, password))
        pwds.append(round_trip(client, "PWD"))
        client.close()
    o, a = statistics.median(rates["open"]), statistics.median(rates["accounts"])
    print("MKDIR+DIR+RMDIR, %d rounds of %d loops: without accounts %.0f ops/s, logged in %.0f ops/s (%.0f%%)"
          % (args.rounds, args.loops, o, a, 100 * a / o))
    print("LOGIN (success) median %.2f ms, PWD right after it %.3f ms (%d connections)"
          % (1000 * statistics.median(logins), 1000 * statistics.median(pwds), args.logins))


if __name__ == "__main__":
    main()
