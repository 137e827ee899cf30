#!/usr/bin/env python3
"""Small commands against servers that are already running, side by side: ops/s and CPU per command.

For an A/B of a server change (or FileDock against bench/adapter_floor.sh and bench/bare_server.py):
rounds of --loops x (MKDIR + DIR + RMDIR) on one connection per server, the servers' order
reversed every other round, medians. With a process id beside a port it also reports that
process's CPU per command from /proc (utime + stime of the whole process, and, for a JVM, of its
worker threads: WildFly's "default-threads" or the floor's "pool-" threads, from schedstat in ns),
which is steadier than ops/s on a shared machine.

    python3 bench/small_ab.py 9000:$(pgrep -f 'java.*offset=2000') 9300:$(pgrep -f 'java.*offset=2300') \\
        9030:$(pgrep -f bare_server.py) --rounds 11 --loops 2000
"""
import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_nonjvm import small_commands_fd  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
WORKER_PREFIXES = ("default-threads", "pool-")


def process_seconds(pid):
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def worker_seconds(pid):
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, task)) as comm:
                name = comm.read().strip()
            if name.startswith(WORKER_PREFIXES):
                with open("/proc/%d/task/%s/schedstat" % (pid, task)) as schedstat:
                    total += int(schedstat.read().split()[0]) / 1e9
        except OSError:
            pass  # a thread that ended meanwhile
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("servers", nargs="+", metavar="PORT[:PID]")
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--loops", type=int, default=2000)
    args = parser.parse_args()
    servers = []
    for spec in args.servers:
        port, _, pid = spec.partition(":")
        servers.append((int(port), int(pid) if pid else None))
    rates, workers, processes = ([[] for _ in servers] for _ in range(3))
    order = list(range(len(servers)))
    for r in range(args.rounds):
        for i in (order if r % 2 == 0 else order[::-1]):
            port, pid = servers[i]
            before = (worker_seconds(pid), process_seconds(pid)) if pid else None
            rates[i].append(small_commands_fd(port, args.loops, "ab%d-" % r))
            if pid:
                commands = 3 * args.loops
                workers[i].append(1e6 * (worker_seconds(pid) - before[0]) / commands)
                processes[i].append(1e6 * (process_seconds(pid) - before[1]) / commands)
    first = statistics.median(rates[0])
    for i, (port, pid) in enumerate(servers):
        rate = statistics.median(rates[i])
        cpu = ""
        if pid:
            cpu = "  worker %5.1f µs/command  process %5.1f µs/command" % (
                statistics.median(workers[i]), statistics.median(processes[i]))
        print("port %d: %6.0f ops/s, %.2fx the first%s" % (port, rate, rate / first, cpu))


if __name__ == "__main__":
    main()
