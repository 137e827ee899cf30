#!/usr/bin/env python3
"""FileDock beside vsftpd + curl on this machine, in one interleaved run.

Starts a private vsftpd (Debian's package: apt-get install vsftpd) on loopback in a temporary
folder, then for each round measures vsftpd with curl (uploads, downloads), Python's ftplib
(MKD + LIST + RMD on one connection; N clients uploading at once) and FileDock with
`filedock-cli bench --raw --repeat 1` against an already running FileDock server. Prints the
medians of the rounds. Every download is checked (SHA-256). Loopback only; bounded by the
sizes, loops and rounds given. Run as root; the package creates the system user "ftp" that serves anonymous sessions.

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


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    return int(text[:-1]) * units[text[-1]] if text[-1] in units else int(text)


def make_file(directory, size):
    path = os.path.join(directory, "local-%d.bin" % size)
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


def wait_for_port(port, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("nothing listens on port %d" % port)


class Vsftpd:
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
        wait_for_port(port)

    def url(self, name):
        return "ftp://127.0.0.1:%d/pub/%s" % (self.port, name)

    def connect(self):
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", self.port)
        ftp.login()
        ftp.cwd("pub")
        return ftp

    def stop(self):
        self.process.terminate()
        self.process.wait()


def ftp_round(ftp, sizes, files, work, loops, clients, client_file):
    results = {}
    for size in sizes:
        path, digest = files[size]
        start = time.perf_counter()
        subprocess.run(["curl", "-sS", "-T", path, ftp.url("file.bin")], check=True)
        results["upload %s" % label(size)] = size / MB / (time.perf_counter() - start)
        target = os.path.join(work, "downloaded.bin")
        start = time.perf_counter()
        subprocess.run(["curl", "-sS", "-o", target, ftp.url("file.bin")], check=True)
        results["download %s" % label(size)] = size / MB / (time.perf_counter() - start)
        if sha256(target) != digest:
            raise SystemExit("vsftpd returned other bytes than were uploaded")
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


def filedock_round(args, sizes):
    command = ["java", "-jar", args.cli, "bench", "-p", str(args.filedock_port), "--repeat", "1",
               "--sizes", ",".join(args.sizes), "--loops", str(args.loops), "--clients", str(args.clients),
               "--client-size", args.client_size, "--raw"]
    if args.raw_dir:
        command += ["--raw-dir", args.raw_dir]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--filedock-port", type=int, default=7021)
    parser.add_argument("--cli", default="client-cli/target/filedock-cli.jar")
    parser.add_argument("--sizes", default="64M,1G", type=lambda s: s.split(","))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loops", type=int, default=200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--client-size", default="1M")
    parser.add_argument("--ftp-port", type=int, default=2121)
    parser.add_argument("--raw-dir", help="where the bare baseline writes (the FileDock storage disk)")
    args = parser.parse_args()
    if not shutil.which("vsftpd"):
        raise SystemExit("vsftpd is not installed (apt-get install vsftpd)")
    sizes = [parse_size(s) for s in args.sizes]
    work = tempfile.mkdtemp(prefix="filedock-vs-ftp-")
    os.chmod(work, 0o755)
    ftp = Vsftpd(work, args.ftp_port)
    try:
        files = {size: make_file(work, size) for size in sizes}
        client_file, _ = make_file(work, parse_size(args.client_size))
        rows = {}
        for r in range(args.rounds):
            print("round %d of %d ..." % (r + 1, args.rounds), file=sys.stderr)
            for key, value in ftp_round(ftp, sizes, files, work, args.loops, args.clients, client_file).items():
                rows.setdefault(key, {}).setdefault("ftp", []).append(value)
            for key, (fd, raw) in filedock_round(args, sizes).items():
                rows.setdefault(key, {}).setdefault("fd", []).append(fd)
                rows[key].setdefault("raw", []).append(raw)
    finally:
        ftp.stop()
        shutil.rmtree(work, ignore_errors=True)
    names = {"small": "%d x (MKDIR+DIR+RMDIR), 1 conn (ops/s)" % args.loops,
             "concurrent": "%d x %s uploads at once (s)" % (args.clients, args.client_size)}
    print("%-40s %12s %12s %12s %10s %10s" % ("median of %d rounds" % args.rounds, "vsftpd", "FileDock",
                                              "raw Java", "FD/vsftpd", "FD/raw"))
    for key, values in rows.items():
        ftp_v, fd_v, raw_v = (statistics.median(values[k]) for k in ("ftp", "fd", "raw"))
        lower_better = key == "concurrent"
        vs_ftp = ftp_v / fd_v if lower_better else fd_v / ftp_v if ftp_v else 0
        vs_raw = raw_v / fd_v if lower_better else fd_v / raw_v if raw_v else 0
        name = names.get(key, key + " (MB/s)")
        print("%-40s %12.3f %12.3f %12.3f %9.0f%% %9.0f%%" % (name, ftp_v, fd_v, raw_v, vs_ftp * 100, vs_raw * 100))


if __name__ == "__main__":
    main()
