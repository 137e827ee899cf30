#!/usr/bin/env python3
"""FileDock beside vsftpd and beside a bare Python server, every one driven by a client that is not a JVM.

One command, bounded by its options; it starts and stops every server itself, for each storage
medium in turn (--media, default tmpfs then disk):

  - FileDock: a copy of the provisioned server (ear/target/server) with the EAR in its deployment
    folder, on a free port offset (--port-offset, default 2000), its storage root on the medium;
  - vsftpd (Debian's package) with a generated config, anonymous writes into a folder on the medium;
  - bench/bare_server.py: a thread-per-client Python server of the small commands (the floor);
  - dd conv=fdatasync of each upload's size onto the medium: the durable limit, since FileDock
    forces an upload to disk before it answers and vsftpd does not.

Clients and timing:
  - transfers: each one a process of its own, bench/fdclient.py for FileDock, curl for vsftpd.
    Two figures per transfer: the client's own clock from before its connect to the final reply
    (fdclient's "connect-to-reply", curl's %{time_total}: connect, greeting/login, request,
    payload, final reply), and the whole process's time minus that client's start-up (the median
    of 15 runs of `fdclient.py --startup-only` and of `curl --version`; no figure when a process
    took less than that median). Ratios use the first, the second is printed in brackets. Beside
    curl, vsftpd also gets Python's ftplib in this process, 1 MiB blocks as fdclient moves them
    ("vsftpd py", connect + login + transfer + final reply): the same client language on both
    sides, so the two vsftpd columns tell the client's share from the server's.
    Every download is checked (SHA-256, untimed).
  - small commands: MKDIR + DIR + RMDIR on one connection, --loops times, timed in this process:
    fdclient's client against FileDock and against the bare server, ftplib (MKD + LIST + RMD)
    against vsftpd;
  - --clients connections uploading --client-size at once, timed in this process (threads, all
    connected first): fdclient's client for FileDock, ftplib for vsftpd.
  The client's local files are in --local-dir (tmpfs) for every medium: the medium is the servers'.
  Before the small commands and before the uploads at once, every server alike waits until the
  machine is idle (--settle: both CPUs at least 90 % idle over 100 ms, for at most that many
  seconds): work a server left running from the large transfers before (FileDock frees a replaced
  1 GiB file after its reply, vsftpd's writes are flushed by the os.sync() before each turn) would
  otherwise be charged to the next measurement, which at 300 loops lasts well under a second.

Each round runs FileDock, vsftpd and the floor (bare server, dd) in a rotating order; the table
shows medians of --rounds rounds and FileDock's ratios. Before them comes one untimed round of
each server and --warmup-bursts untimed bursts of uploads at once for FileDock and vsftpd alike. Before the rounds, the just-started
FileDock is put under load for --cold-seconds (1-second windows of small commands, each followed
by one 64 MiB upload in this process), and the time until it reaches 90 % of its warm small-command
speed (the rounds' median) is reported, with the first windows and uploads.

Run as root (vsftpd serves anonymous sessions as the system user "ftp" from its package). On this
2-core machine the defaults (64M,1G; 5 rounds; both media; 45 s cold phase) should take 6-10 minutes
when it is quiet; with 3 rounds and 30 s cold phases at load average 20 it took 17 minutes.

    python3 bench/compare_nonjvm.py
    python3 bench/compare_nonjvm.py --media tmpfs --sizes 64M --rounds 9 --cold-seconds 0
"""
import argparse
import ftplib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
from compare_ftp import MB, Vsftpd, label, make_file, parse_size, prime_memory, sha256, wait_for_port  # noqa: E402
from fdclient import FileDockClient  # noqa: E402

FDCLIENT = os.path.join(BENCH, "fdclient.py")
BARE_SERVER = os.path.join(BENCH, "bare_server.py")
PROJECT = os.path.dirname(BENCH)


def log(text):
    print(text, file=sys.stderr, flush=True)


def median_seconds(command, runs=15):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def port_free(port):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as the servers do: TIME_WAIT is no owner
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


class FileDockServer:
    """A copy of the provisioned WildFly with FileDock deployed, on its own port offset."""

    def __init__(self, template, ear, scratch, root, offset, port, options=()):
        # the previous medium's server may still be letting go of its ports
        deadline = time.monotonic() + 60
        busy = [p for p in (8080 + offset, 8443 + offset, 9990 + offset, port) if not port_free(p)]
        while busy and time.monotonic() < deadline:
            time.sleep(0.5)
            busy = [p for p in busy if not port_free(p)]
        if busy:
            raise SystemExit("ports %s are taken: choose another --port-offset / --filedock-port" % busy)
        self.home = os.path.join(scratch, "wildfly")
        shutil.copytree(template, self.home, symlinks=True)
        shutil.copy(ear, os.path.join(self.home, "standalone", "deployments", "filedock.ear"))
        self.port = port
        self.log = open(os.path.join(scratch, "wildfly.log"), "w")
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [os.path.join(self.home, "bin", "standalone.sh"), "-Djboss.socket.binding.port-offset=%d" % offset,
             "-Dfiledock.root=" + root, "-Dfiledock.port=%d" % port, "-Dfiledock.tls-port=off"] + list(options),
            stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def await_ready(self, seconds=300):
        """Until the deployed adapter greets; returns the seconds since the launch."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("WildFly exited (%d); see %s" % (self.process.returncode, self.log.name))
            try:
                FileDockClient("127.0.0.1", self.port, timeout=5).close()
                return time.monotonic() - self.started
            except (OSError, Exception):
                time.sleep(0.2)
        raise SystemExit("FileDock did not answer on port %d within %d s" % (self.port, seconds))

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


class BareServer:
    def __init__(self, root, port):
        self.port = port
        self.process = subprocess.Popen([sys.executable, BARE_SERVER, "--port", str(port), "--root", root],
                                        stderr=subprocess.DEVNULL)
        wait_for_port(port, process=self.process)

    def stop(self):
        self.process.terminate()
        self.process.wait()


# --- the measurements ---------------------------------------------------------------------------

def settle(limit):
    """Waits until the machine is idle (at least 90 % of all CPUs over 100 ms), at most limit seconds."""
    def idle_and_total():
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        idle0, total0 = idle_and_total()
        time.sleep(0.1)
        idle1, total1 = idle_and_total()
        if total1 > total0 and (idle1 - idle0) / (total1 - total0) >= 0.9:
            return


def small_commands_fd(port, loops, prefix):
    client = FileDockClient("127.0.0.1", port)
    try:
        start = time.perf_counter()
        for i in range(loops):
            name = "%s%d" % (prefix, i)
            client.command("MKDIR", name)
            for _ in range(int(client.command("DIR"))):
                client.line()
            client.command("RMDIR", name)
        return 3 * loops / (time.perf_counter() - start)
    finally:
        client.close()


def small_commands_ftp(ftp, loops, prefix):
    control = ftp.connect()
    try:
        start = time.perf_counter()
        for i in range(loops):
            control.mkd("%s%d" % (prefix, i))
            control.retrlines("LIST", lambda line: None)
            control.rmd("%s%d" % (prefix, i))
        return 3 * loops / (time.perf_counter() - start)
    finally:
        control.quit()


def at_once(connections, upload):
    """Seconds from a common start until every connection's upload is answered."""
    go = threading.Barrier(len(connections) + 1)
    errors = []

    def run(i, connection):
        go.wait()
        try:
            upload(i, connection)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(connections)]
    for t in threads:
        t.start()
    go.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit("concurrent upload failed: %s" % errors[0])
    return time.perf_counter() - start


def concurrent_fd(port, clients, client_file):
    connections = [FileDockClient("127.0.0.1", port) for _ in range(clients)]
    try:
        return at_once(connections, lambda i, c: c.upload(client_file, "c/c%d.bin" % i))
    finally:
        for c in connections:
            c.close()


def concurrent_ftp(ftp, clients, client_file):
    connections = [ftp.connect() for _ in range(clients)]

    def upload(i, conn):
        with open(client_file, "rb") as f:
            conn.storbinary("STOR c/c%d.bin" % i, f, blocksize=1 << 20)
    try:
        return at_once(connections, upload)
    finally:
        for c in connections:
            c.quit()


class Runner:
    def __init__(self, args, files, client_file, local):
        self.args = args
        self.files = files
        self.client_file = client_file
        self.local = local
        self.fd_startup = median_seconds([sys.executable, FDCLIENT, "--startup-only", "upload", "-", "-"])
        self.curl_startup = median_seconds(["curl", "--version"])
        self.dd_startup = median_seconds(["dd", "if=/dev/null", "of=/dev/null", "status=none"])
        log("client start-ups (medians of 15): fdclient.py %.1f ms, curl %.1f ms, dd %.1f ms"
            % (self.fd_startup * 1000, self.curl_startup * 1000, self.dd_startup * 1000))

    def timed_process(self, command, startup):
        """(client's own seconds, whole process minus start-up) of one client process."""
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        whole = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit("%s failed: %s" % (command[:3], (done.stderr or done.stdout)[-500:]))
        own = float(done.stdout.split()[-1])
        # under heavy load a start-up can take longer than its median: then there is no figure
        return own, whole - startup if whole > startup else None

    def prime(self, size):
        if self.args.prime_memory:
            prime_memory(self.local, size)

    def transfers(self, upload, download, remote):
        results = {}
        for size, (path, digest) in self.files.items():
            target = os.path.join(self.local, "copy.bin")
            self.prime(size)
            results["upload " + label(size)] = upload(path, remote(size))
            self.prime(size)
            results["download " + label(size)] = download(remote(size), target)
            if sha256(target) != digest:
                raise SystemExit("a download returned other bytes than were uploaded")
            os.remove(target)
        return results

    def filedock_round(self, port, r):
        def upload(path, remote):
            return self.timed_process([sys.executable, FDCLIENT, "--port", str(port), "upload", path, remote],
                                      self.fd_startup)

        def download(remote, target):
            return self.timed_process([sys.executable, FDCLIENT, "--port", str(port), "download", remote, target],
                                      self.fd_startup)
        results = self.transfers(upload, download, lambda size: "t/file-%d.bin" % size)
        settle(self.args.settle)
        results["small"] = small_commands_fd(port, self.args.loops, "r%d-" % r)
        settle(self.args.settle)
        results["concurrent"] = concurrent_fd(port, self.args.clients, self.client_file)
        return results

    def vsftpd_round(self, ftp, r):
        def curl(arguments):
            return self.timed_process(["curl", "-sS", "-w", "%{time_total}"] + arguments, self.curl_startup)
        results = self.transfers(lambda path, remote: curl(["-T", path, ftp.url(remote)]),
                                 lambda remote, target: curl(["-o", target, ftp.url(remote)]),
                                 lambda size: "t/file-%d.bin" % size)
        settle(self.args.settle)
        results["small"] = small_commands_ftp(ftp, self.args.loops, "r%d-" % r)
        settle(self.args.settle)
        results["concurrent"] = concurrent_ftp(ftp, self.args.clients, self.client_file)
        return results

    def vsftpd_python_round(self, ftp):
        """The same transfers with Python's ftplib in this process, moving 1 MiB at a time as fdclient does."""
        def upload(path, remote):
            start = time.perf_counter()
            control = ftp.connect()
            with open(path, "rb", buffering=0) as f:
                control.storbinary("STOR " + remote, f, blocksize=1 << 20)
            own = time.perf_counter() - start
            control.quit()
            return own, None

        def download(remote, target):
            start = time.perf_counter()
            control = ftp.connect()
            with open(target, "wb", buffering=0) as f:
                control.retrbinary("RETR " + remote, f.write, blocksize=1 << 20)
            own = time.perf_counter() - start
            control.quit()
            return own, None
        return self.transfers(upload, download, lambda size: "t/file-%d.bin" % size)

    def floor_round(self, bare_port, medium_dir, r):
        settle(self.args.settle)
        results = {"small": small_commands_fd(bare_port, self.args.loops, "r%d-" % r)}
        for size, (path, _) in self.files.items():
            target = os.path.join(medium_dir, "dd.bin")
            self.prime(size)
            start = time.perf_counter()
            subprocess.run(["dd", "if=" + path, "of=" + target, "bs=1M", "conv=fdatasync", "status=none"], check=True)
            results["upload " + label(size)] = (None, max(time.perf_counter() - start - self.dd_startup, 1e-4))
            os.remove(target)
        return results

    def cold_phase(self, port, seconds):
        """Load on a just-started server: 1-second windows of small commands, each followed by a 64 MiB upload."""
        windows, uploads = [], []
        client = FileDockClient("127.0.0.1", port)
        payload = self.files.get(64 << 20, (None,))[0] or make_file(self.local, 64 << 20, "cold")[0]
        began = time.perf_counter()
        i = 0
        try:
            while time.perf_counter() - began < seconds:
                start, ops = time.perf_counter(), 0
                while time.perf_counter() - start < 1.0:
                    name = "cold%d" % i
                    i += 1
                    client.command("MKDIR", name)
                    for _ in range(int(client.command("DIR"))):
                        client.line()
                    client.command("RMDIR", name)
                    ops += 3
                windows.append((start - began, ops / (time.perf_counter() - start)))
                uploads.append((time.perf_counter() - began, client.upload(payload, "t/cold.bin")))
        finally:
            client.close()
        return windows, uploads


def add(rows, server, results):
    for key, value in results.items():
        rows.setdefault(key, {}).setdefault(server, []).append(value)


def medians(values):
    """The median of each position of tuples (None where no round has a figure), or of plain numbers."""
    if isinstance(values[0], tuple):
        columns = [[v[i] for v in values if v[i] is not None] for i in range(len(values[0]))]
        return tuple(statistics.median(c) if c else None for c in columns)
    return statistics.median(values)


def rate(size, seconds):
    return "%8.0f" % (size / MB / seconds) if seconds else "%8s" % "-"


def ratio(a, b):
    return "%6.2f" % (a / b) if a and b else "%6s" % "-"


def report(medium, rows, rounds, sizes, loops, clients, client_size):
    print("\n== %s: medians of %d rounds; MB/s (10^6 bytes/s) by the client's own clock, connect to final reply;"
          " [process minus start-up] ==" % (medium, rounds))
    print("%-24s %19s %9s %19s %7s %7s %9s %7s" % ("", "vsftpd curl [proc]", "vsftpd py", "FileDock py [proc]",
                                                  "/curl", "/py", "dd fsync", "/dd"))
    for size in sizes:
        for direction in ("upload", "download"):
            key = "%s %s" % (direction, label(size))
            curl, fd = medians(rows[key]["vsftpd"]), medians(rows[key]["filedock"])
            py = medians(rows[key]["vsftpd-py"])[0] if "vsftpd-py" in rows[key] else None
            dd = medians(rows[key]["floor"])[1] if "floor" in rows[key] else None
            print("%-24s %s [%s] %9s %s [%s] %7s %7s %9s %7s" % (
                key, rate(size, curl[0]), rate(size, curl[1]), rate(size, py), rate(size, fd[0]), rate(size, fd[1]),
                ratio(curl[0], fd[0]), ratio(py, fd[0]), rate(size, dd) if dd else "", ratio(dd, fd[0]) if dd else ""))
    v, f, b = (medians(rows["small"][s]) for s in ("vsftpd", "filedock", "floor"))
    print("%d x (MKDIR+DIR+RMDIR), one connection, ops/s: vsftpd (ftplib) %.0f, FileDock %.0f, bare Python server %.0f;"
          " FileDock/vsftpd %.2f, FileDock/bare %.2f" % (loops, v, f, b, f / v, f / b))
    v, f = medians(rows["concurrent"]["vsftpd"]), medians(rows["concurrent"]["filedock"])
    print("%d x %s uploads at once, s: vsftpd (ftplib) %.3f, FileDock %.3f; FileDock's speed/vsftpd's %.2f"
          % (clients, client_size, v, f, v / f))
    for key in rows:
        for server, values in rows[key].items():
            shown = [("%.1f" % ((v[0] if v[0] is not None else v[1]) * 1000)) if isinstance(v, tuple)
                     else "%.0f" % v if key == "small" else "%.3f" % v for v in values]
            log("  %s %s: %s%s" % (key, server, " ".join(shown), " ms" if isinstance(values[0], tuple) else ""))


def report_cold(medium, ready_seconds, delay, windows, uploads, warm_small):
    print("\n== %s: just started (FileDock answered %.1f s after the launch; load %.0f s later) =="
          % (medium, ready_seconds, delay))
    print("small commands, 1-s windows (ops/s): " + " ".join("%.0f" % w[1] for w in windows[:12])
          + (" ... %.0f" % windows[-1][1] if len(windows) > 12 else ""))
    print("64 MiB uploads in between (ms):       " + " ".join("%.0f" % (u[1] * 1000) for u in uploads[:12])
          + (" ... %.0f" % (uploads[-1][1] * 1000) if len(uploads) > 12 else ""))
    reached = None
    for i in range(len(windows)):
        rest = [w[1] for w in windows[i:i + 3]]
        if len(rest) == 3 and statistics.median(rest) >= 0.9 * warm_small:
            reached = windows[i][0]
            break
    print("warm small-command speed (the rounds' median) %.0f ops/s; 90 %% of it %s" % (
        warm_small, "reached after %.0f s of load" % reached if reached is not None else "not reached in the cold phase"))


def run_medium(args, medium, base, files, client_file, runner):
    scratch = tempfile.mkdtemp(prefix="filedock-nonjvm-", dir=base)
    os.chmod(scratch, 0o755)
    servers = []
    try:
        fd_root = os.path.join(scratch, "fd-root")
        bare_root = os.path.join(scratch, "bare-root")
        for root in (fd_root, bare_root):
            os.makedirs(os.path.join(root, "t"))
            os.makedirs(os.path.join(root, "c"))
        log("[%s] starting FileDock (port offset %d), vsftpd, the bare server in %s ..." % (medium, args.port_offset, scratch))
        filedock = FileDockServer(args.server, args.ear, scratch, fd_root, args.port_offset, args.filedock_port,
                                  args.filedock_option)
        servers.append(filedock)
        ftp = Vsftpd(scratch, args.ftp_port)
        servers.append(ftp)
        for sub in ("t", "c"):
            os.makedirs(os.path.join(ftp.root, "pub", sub))
            os.chmod(os.path.join(ftp.root, "pub", sub), 0o777)
        bare = BareServer(bare_root, args.bare_port)
        servers.append(bare)
        ready = filedock.await_ready()
        log("[%s] FileDock answers %.1f s after the launch" % (medium, ready))
        time.sleep(args.cold_delay)   # the first clients come this long after the start
        windows, uploads = runner.cold_phase(args.filedock_port, args.cold_seconds) if args.cold_seconds else ([], [])
        log("[%s] untimed warm-up round, and %d bursts for each server ..." % (medium, args.warmup_bursts))
        runner.filedock_round(args.filedock_port, -1)
        runner.vsftpd_round(ftp, -1)
        for _ in range(args.warmup_bursts):
            concurrent_fd(args.filedock_port, args.clients, client_file)
            concurrent_ftp(ftp, args.clients, client_file)
        rows = {}
        turns = ["filedock", "vsftpd", "floor"]
        for r in range(args.rounds):
            order = turns[r % 3:] + turns[:r % 3]
            log("[%s] round %d of %d: %s" % (medium, r + 1, args.rounds, ", ".join(order)))
            for turn in order:
                os.sync()   # vsftpd leaves its writes for later; the next fsync would wait for them
                if turn == "filedock":
                    add(rows, "filedock", runner.filedock_round(args.filedock_port, r))
                elif turn == "vsftpd":
                    add(rows, "vsftpd", runner.vsftpd_round(ftp, r))
                    add(rows, "vsftpd-py", runner.vsftpd_python_round(ftp))
                else:
                    add(rows, "floor", runner.floor_round(args.bare_port, scratch, r))
        report(medium, rows, args.rounds, list(files), args.loops, args.clients, args.client_size)
        if windows:
            report_cold(medium, ready, args.cold_delay, windows, uploads, medians(rows["small"]["filedock"]))
        sys.stdout.flush()
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="64M,1G", type=lambda s: s.split(","))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--loops", type=int, default=300, help="MKDIR+DIR+RMDIR per small-command measurement")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="at most this many seconds of waiting for an idle machine before the small"
                             " commands and the uploads at once (0: no waiting)")
    parser.add_argument("--warmup-bursts", type=int, default=20,
                        help="untimed rounds of --clients uploads at once for each server before the timed rounds:"
                             " one round runs FileDock's per-upload code only --clients times, far from compiled")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--client-size", default="1M")
    parser.add_argument("--media", default="tmpfs,disk", type=lambda s: s.split(","))
    parser.add_argument("--tmpfs-dir", default="/dev/shm")
    parser.add_argument("--disk-dir", default="/var/tmp", help="a folder on the disk (not tmpfs)")
    parser.add_argument("--local-dir", default="/dev/shm", help="where the clients' own files are (tmpfs)")
    parser.add_argument("--cold-seconds", type=int, default=45, help="load on the just-started server; 0: skip")
    parser.add_argument("--cold-delay", type=float, default=0,
                        help="seconds between FileDock's first answer and the load (clients that come later)")
    parser.add_argument("--server", default=os.path.join(PROJECT, "ear", "target", "server"))
    parser.add_argument("--ear", default=os.path.join(PROJECT, "ear", "target", "filedock.ear"))
    parser.add_argument("--port-offset", type=int, default=2000)
    parser.add_argument("--filedock-port", type=int, default=9121)
    parser.add_argument("--ftp-port", type=int, default=9122)
    parser.add_argument("--bare-port", type=int, default=9123)
    parser.add_argument("--filedock-option", action="append", default=[], metavar="-Dname=value",
                        help="a further argument for FileDock's standalone.sh (repeatable), e.g. -Dfiledock.audit.enabled=false")
    parser.add_argument("--prime-memory", action="store_true",
                        help="write and delete a file as large as each transfer before timing it")
    args = parser.parse_args()
    for tool in ("vsftpd", "curl", "dd"):
        if not shutil.which(tool):
            raise SystemExit("%s is not installed" % tool)
    for path in (args.server, args.ear):
        if not os.path.exists(path):
            raise SystemExit("%s is missing: build with mvn -o -q package -DskipTests -pl ear -am" % path)
    bases = {"tmpfs": args.tmpfs_dir, "disk": args.disk_dir}
    unknown = [m for m in args.media if m not in bases]
    if unknown:
        raise SystemExit("unknown medium %s (tmpfs, disk)" % unknown)
    local = tempfile.mkdtemp(prefix="filedock-nonjvm-local-", dir=args.local_dir)
    began = time.monotonic()
    try:
        files = {parse_size(s): make_file(local, parse_size(s)) for s in args.sizes}
        client_file, _ = make_file(local, parse_size(args.client_size), "client")
        runner = Runner(args, files, client_file, local)
        print("load average at the start: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
        for medium in args.media:
            run_medium(args, medium, bases[medium], files, client_file, runner)
        print("\nload average at the end: %s; %.0f s in all" % (
            " ".join(open("/proc/loadavg").read().split()[:3]), time.monotonic() - began))
    finally:
        shutil.rmtree(local, ignore_errors=True)


if __name__ == "__main__":
    main()
