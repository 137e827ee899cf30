#!/usr/bin/env python3
"""FileDock beside vsftpd and Apache FtpServer (curl, ftplib) on this machine, interleaved.

Starts a private vsftpd (Debian's package: apt-get install vsftpd) and a private Apache FtpServer
1.2.1 (bench/ftpserver/FtpServerLauncher.java, run as a single-file Java program) on loopback in
a temporary folder, then for each round measures each FTP server with curl (uploads, downloads)
and Python's ftplib (MKD + LIST + RMD on one connection; N clients uploading at once), and
FileDock with `filedock-cli bench --raw --repeat 4` against an already running FileDock server.
Prints the medians of the rounds. Every download is checked (SHA-256). Loopback only; bounded by
the sizes, loops and rounds given. Run as root; the package creates the system user "ftp" that
serves vsftpd's anonymous sessions.

Apache FtpServer's jars (ftpserver-core, its dependencies, slf4j-simple) are fetched once with
`mvn dependency:copy-dependencies` on a small pom written into a cache folder (default
~/.cache/filedock-bench/apache-ftpserver-1.2.1), outside the project's build; if that fails, its
column is left out. Its JVM gets one untimed warm-up pass (smallest size, at most 20 loops)
before the rounds, as FileDock's client warms up its own. --no-apache-ftpserver leaves it out.

    python3 bench/compare_ftp.py --filedock-port 7021 --rounds 3
"""
import argparse
import ftplib
import hashlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

MB = 1_000_000
APACHE_FTPSERVER_VERSION = "1.2.1"
SLF4J_VERSION = "2.0.17"            # slf4j-simple, logging at WARN only (set by the launcher)
LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ftpserver", "FtpServerLauncher.java")


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    return int(text[:-1]) * units[text[-1]] if text[-1] in units else int(text)


def make_file(directory, size, prefix="local"):
    path = os.path.join(directory, "%s-%d.bin" % (prefix, size))
    digest = hashlib.sha256()
    with open(path, "wb") as out:
        left = size
        while left > 0:
            chunk = os.urandom(min(1 << 20, left))
            digest.update(chunk)
            out.write(chunk)
            left -= len(chunk)
    return path, digest.hexdigest()


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def wait_for_port(port, seconds=10, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit("the server for port %d exited with status %d" % (port, process.returncode))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("nothing listens on port %d" % port)


class LocalFtpServer:
    """A private FTP server on loopback: its process, its port, the folder anonymous users write in."""
    folder = ""

    def url(self, name):
        return "ftp://127.0.0.1:%d/%s" % (self.port, self.folder + "/" + name if self.folder else name)

    def connect(self):
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", self.port)
        ftp.login()
        if self.folder:
            ftp.cwd(self.folder)
        return ftp

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Vsftpd(LocalFtpServer):
    name = "vsftpd"
    folder = "pub"

    def __init__(self, work, port):
        self.root = os.path.join(work, "ftp-root")
        os.makedirs(os.path.join(self.root, "pub"))
        os.chmod(self.root, 0o555)          # vsftpd refuses a writable chroot
        os.chmod(os.path.join(self.root, "pub"), 0o777)
        self.port = port
        conf = os.path.join(work, "vsftpd.conf")
        with open(conf, "w") as f:
            f.write("\n".join([
                "listen=YES", "listen_address=127.0.0.1", "listen_port=%d" % port, "background=NO",
                "anonymous_enable=YES", "no_anon_password=YES", "anon_root=%s" % self.root,
                "write_enable=YES", "anon_upload_enable=YES", "anon_mkdir_write_enable=YES",
                "anon_other_write_enable=YES", "anon_umask=022", "local_enable=NO",
                "pasv_enable=YES", "pasv_address=127.0.0.1", "pasv_min_port=40000", "pasv_max_port=40999",
                "max_clients=500", "max_per_ip=500", "seccomp_sandbox=NO", "xferlog_enable=NO",
                "secure_chroot_dir=%s" % work, "ftp_username=ftp", "",
            ]))
        self.process = subprocess.Popen(["vsftpd", conf])
        wait_for_port(port, process=self.process)


def apache_ftpserver_classpath(cache):
    """The jars of Apache FtpServer as a class path, fetched once into cache; None if they cannot be had."""
    pom_text = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.filedock.bench</groupId>
  <artifactId>apache-ftpserver-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.ftpserver</groupId><artifactId>ftpserver-core</artifactId><version>%s</version>
    </dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>%s</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>%s</version></dependency>
  </dependencies>
</project>
""" % (APACHE_FTPSERVER_VERSION, SLF4J_VERSION, SLF4J_VERSION)
    pom, listing, lib = (os.path.join(cache, n) for n in ("pom.xml", "classpath.txt", "lib"))
    if os.path.exists(listing) and os.path.exists(pom):
        with open(pom) as f, open(listing) as g:
            same_pom, jars = f.read() == pom_text, g.read().split()
        if same_pom and jars and all(os.path.exists(j) for j in jars):
            return os.pathsep.join(jars)
    if not shutil.which("mvn"):
        print("Apache FtpServer left out: mvn is not installed to fetch its jars", file=sys.stderr)
        return None
    shutil.rmtree(lib, ignore_errors=True)
    os.makedirs(cache, exist_ok=True)
    with open(pom, "w") as f:
        f.write(pom_text)
    print("fetching Apache FtpServer %s into %s ..." % (APACHE_FTPSERVER_VERSION, cache), file=sys.stderr)
    done = subprocess.run(["mvn", "-q", "-B", "-f", pom, "dependency:copy-dependencies", "-DoutputDirectory=" + lib],
                          capture_output=True, text=True)
    jars = sorted(os.path.join(lib, n) for n in os.listdir(lib) if n.endswith(".jar")) if os.path.isdir(lib) else []
    if done.returncode != 0 or not any("ftpserver-core" in j for j in jars):
        lines = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr).strip().splitlines()
        why = [line for line in lines if line.startswith("[ERROR] ")][:1] or lines[-3:]
        print("Apache FtpServer left out: its jars could not be fetched (mvn exit %d)\n%s"
              % (done.returncode, "\n".join(why)), file=sys.stderr)
        return None
    with open(listing, "w") as f:
        f.write("\n".join(jars) + "\n")
    return os.pathsep.join(jars)


class ApacheFtpServer(LocalFtpServer):
    name = "Apache FtpServer"

    def __init__(self, work, port, classpath):
        self.root = os.path.join(work, "apache-ftp-root")
        os.makedirs(self.root)
        self.port = port
        # its output (one "listening" line, warnings) goes to stderr, beside the progress lines
        self.process = subprocess.Popen(["java", "-cp", classpath, LAUNCHER, str(port), self.root, "41000-41999"],
                                        stdout=sys.stderr)
        try:
            wait_for_port(port, seconds=60, process=self.process)   # compiles the launcher first
        except BaseException:
            self.stop()
            raise


def print_round(name, values):
    """One server's figures of one round, on stderr beside the progress lines."""
    print("  %s: %s" % (name, ", ".join("%s %s" % item for item in values.items())), file=sys.stderr)


def prime_memory(work, size):
    """Writes and deletes a file as large as the next transfer: see filedock-cli bench --prime-memory."""
    chunk = bytes(1 << 20)
    fd, path = tempfile.mkstemp(prefix="prime", dir=work)
    try:
        left = size
        while left > 0:
            left -= os.write(fd, chunk[:min(left, len(chunk))])
    finally:
        os.close(fd)
        os.remove(path)


def ftp_round(ftp, sizes, files, work, loops, clients, client_file, prime=False):
    results = {}
    for size in sizes:
        path, digest = files[size]
        if prime:
            prime_memory(work, size)
        start = time.perf_counter()
        subprocess.run(["curl", "-sS", "-T", path, ftp.url("file.bin")], check=True)
        results["upload %s" % label(size)] = size / MB / (time.perf_counter() - start)
        target = os.path.join(work, "downloaded.bin")
        if prime:
            prime_memory(work, size)
        start = time.perf_counter()
        subprocess.run(["curl", "-sS", "-o", target, ftp.url("file.bin")], check=True)
        results["download %s" % label(size)] = size / MB / (time.perf_counter() - start)
        if sha256(target) != digest:
            raise SystemExit("%s returned other bytes than were uploaded" % ftp.name)
        os.remove(target)
    control = ftp.connect()
    start = time.perf_counter()
    for i in range(loops):
        control.mkd("d%d" % i)
        control.retrlines("LIST", lambda line: None)
        control.rmd("d%d" % i)
    results["small"] = 3 * loops / (time.perf_counter() - start)
    control.delete("file.bin")
    control.quit()
    connections = [ftp.connect() for _ in range(clients)]
    go = threading.Barrier(clients + 1)

    def upload(conn, name):
        go.wait()
        with open(client_file, "rb") as f:
            conn.storbinary("STOR " + name, f, blocksize=1 << 20)

    threads = [threading.Thread(target=upload, args=(c, "c%d" % i)) for i, c in enumerate(connections)]
    for t in threads:
        t.start()
    go.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    results["concurrent"] = time.perf_counter() - start
    for i, c in enumerate(connections):
        c.delete("c%d" % i)
        c.quit()
    return results


def filedock_round(args, sizes, work):
    # the CLI's local files go where curl's do (Java's temporary directory ignores TMPDIR)
    # an even number of repetitions: the CLI runs FileDock first in half of them, the bare baseline
    # first in the others; four, so that the median (the mean of the middle two) shrugs off one
    # slow transfer the way the median of the FTP servers' rounds does
    command = ["java", "-jar", args.cli, "bench", "-p", str(args.filedock_port), "--repeat", str(args.filedock_repeat),
               "--sizes", ",".join(args.sizes), "--loops", str(args.loops), "--clients", str(args.clients),
               "--client-size", args.client_size, "--raw", "--local-dir", work]
    if args.raw_dir:
        command += ["--raw-dir", args.raw_dir]
    if args.prime_memory:
        command += ["--prime-memory"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("filedock-cli bench failed (exit %d):\n%s"
                         % (done.returncode, (done.stderr or done.stdout)[-2000:]))
    output = done.stdout
    results = {}
    for line in output.splitlines():
        m = re.match(r"^(.*?)\s{2,}([\d,.]+) (MB/s|ops/s|s)\s+([\d,.]+) (MB/s|ops/s|s)", line)
        if not m:
            continue
        name, fd, raw = m.group(1).strip(), float(m.group(2).replace(",", "")), float(m.group(4).replace(",", ""))
        key = "small" if "MKDIR" in name else "concurrent" if "at once" in name else name
        results[key] = (fd, raw)
    return results


def label(size):
    return "%d GiB" % (size >> 30) if size >= 1 << 30 else "%d MiB" % (size >> 20)


def default_cache():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "filedock-bench", "apache-ftpserver-" + APACHE_FTPSERVER_VERSION)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--filedock-port", type=int, default=7021)
    parser.add_argument("--cli", default="client-cli/target/filedock-cli.jar")
    parser.add_argument("--sizes", default="64M,1G", type=lambda s: s.split(","))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loops", type=int, default=200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--client-size", default="1M")
    parser.add_argument("--ftp-port", type=int, default=2121, help="vsftpd's port")
    parser.add_argument("--apache-ftpserver", action=argparse.BooleanOptionalAction, default=True,
                        help="also measure Apache FtpServer %s (default: on)" % APACHE_FTPSERVER_VERSION)
    parser.add_argument("--apache-ftp-port", type=int, default=2122, help="Apache FtpServer's port")
    parser.add_argument("--apache-ftpserver-cache", default=default_cache(),
                        help="where its jars are fetched to (default: %(default)s)")
    parser.add_argument("--filedock-repeat", type=int, default=4,
                        help="repetitions of each measurement in FileDock's turn of a round (bench --repeat)")
    parser.add_argument("--prime-memory", action="store_true",
                        help="before each timed transfer, write and delete a file as large as it in the work folder "
                             "(for virtual machines that hand freed memory back to their host)")
    parser.add_argument("--raw-dir", help="where the bare baseline writes (the FileDock storage disk)")
    args = parser.parse_args()
    if not shutil.which("vsftpd"):
        raise SystemExit("vsftpd is not installed (apt-get install vsftpd)")
    sizes = [parse_size(s) for s in args.sizes]
    classpath = apache_ftpserver_classpath(args.apache_ftpserver_cache) if args.apache_ftpserver else None
    work = tempfile.mkdtemp(prefix="filedock-vs-ftp-")
    os.chmod(work, 0o755)
    servers = []
    try:
        servers.append(Vsftpd(work, args.ftp_port))
        if classpath:
            servers.append(ApacheFtpServer(work, args.apache_ftp_port, classpath))
        files = {size: make_file(work, size) for size in sizes}
        client_file, _ = make_file(work, parse_size(args.client_size), "client")   # may be one of the sizes
        for ftp in servers:
            if isinstance(ftp, ApacheFtpServer):
                print("warming up %s ..." % ftp.name, file=sys.stderr)
                ftp_round(ftp, [min(sizes)], files, work, min(args.loops, 20), args.clients, client_file)
        rows = {}
        for r in range(args.rounds):
            print("round %d of %d ..." % (r + 1, args.rounds), file=sys.stderr)
            # each round starts with another server: on this kind of virtual machine the first large
            # allocation after large deletes pays for memory the host took back (free page reporting)
            turn = servers + [None]
            turn = turn[r % len(turn):] + turn[:r % len(turn)]
            for ftp in turn:
                # a server that never fsyncs leaves its writes to the disk for later; on ext4 the
                # next fsync (FileDock's, the baseline's) would wait for them
                os.sync()
                if ftp is None:
                    measured = filedock_round(args, sizes, work)
                    for key, (fd, raw) in measured.items():
                        rows.setdefault(key, {}).setdefault("fd", []).append(fd)
                        rows[key].setdefault("raw", []).append(raw)
                    print_round("FileDock / raw", {k: "%.3f / %.3f" % v for k, v in measured.items()})
                    continue
                measured = ftp_round(ftp, sizes, files, work, args.loops, args.clients, client_file,
                                     args.prime_memory)
                for key, value in measured.items():
                    rows.setdefault(key, {}).setdefault(ftp.name, []).append(value)
                print_round(ftp.name, {k: "%.3f" % v for k, v in measured.items()})
    finally:
        for ftp in reversed(servers):
            ftp.stop()
        shutil.rmtree(work, ignore_errors=True)
    names = {"small": "%d x (MKDIR+DIR+RMDIR), 1 conn (ops/s)" % args.loops,
             "concurrent": "%d x %s uploads at once (s)" % (args.clients, args.client_size)}
    column = {"vsftpd": ("vsftpd", "FD/vsftpd"), "Apache FtpServer": ("Apache FTP", "FD/Apache")}
    ftp_names = [ftp.name for ftp in servers]
    ratios = [column[n][1] for n in ftp_names] + (["FD/faster"] if len(ftp_names) > 1 else []) + ["FD/raw"]
    print(("%-40s" + " %12s" * (len(ftp_names) + 2) + " %10s" * len(ratios))
          % (("median of %d rounds" % args.rounds,) + tuple(column[n][0] for n in ftp_names)
             + ("FileDock", "raw Java") + tuple(ratios)))
    for key, values in rows.items():
        ftp_v = [statistics.median(values[n]) for n in ftp_names]
        fd_v, raw_v = statistics.median(values["fd"]), statistics.median(values["raw"])
        lower_better = key == "concurrent"

        def ratio(other):
            return (other / fd_v if fd_v else 0) if lower_better else fd_v / other if other else 0
        against = ftp_v + ([min(ftp_v) if lower_better else max(ftp_v)] if len(ftp_v) > 1 else []) + [raw_v]
        name = names.get(key, key + " (MB/s)")
        print(("%-40s" + " %12.3f" * (len(ftp_v) + 2) + " %9.0f%%" * len(against))
              % ((name,) + tuple(ftp_v) + (fd_v, raw_v) + tuple(ratio(v) * 100 for v in against)))


if __name__ == "__main__":
    main()
