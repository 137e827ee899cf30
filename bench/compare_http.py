#!/usr/bin/env python3
"""FileDock's HTTP file API beside nginx and beside FileDock's own socket protocol, interleaved.

Measures, round after round in rotating order, on loopback:

  - download of one file: nginx (Debian's package, `sendfile on`, a private instance with its own
    small config in a temporary folder, its root the FileDock storage root, so both serve the very
    same file) with `curl -o`, FileDock's `GET /filedock/api/files/...` with `curl -o`, and
    FileDock's socket DOWNLOAD with bench/fdclient.py (in this process);
  - upload of the same size: FileDock's `PUT` with `curl -T` and the socket UPLOAD with fdclient.

curl's own start-up (the median of `curl --version` runs) is subtracted from each curl run;
fdclient is timed from its request to the final reply. Downloads land in the work folder (tmpfs
with --work /dev/shm) and are checked against the file (SHA-256) after each transfer, untimed.
With --prime-memory, a file as large as the transfer is written and deleted before each one (see
docs/performance.md on this VM's freed-page reporting). Prints the medians of the rounds and the
ratios HTTP/nginx, HTTP/socket download and HTTP/socket upload.

FileDock must run already without accounts, its storage root given as --storage-root (e.g.
-Dfiledock.root=/dev/shm/fd for tmpfs). nginx must be installed (apt-get install -y nginx).

    python3 bench/compare_http.py --storage-root /dev/shm/fd400 --filedock-port 7421 --http-port 8480 \\
        --size 1G --rounds 5 --work /dev/shm --prime-memory
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_ftp import label, make_file, parse_size, prime_memory, sha256, wait_for_port  # noqa: E402
from compare_tls import curl_startup  # noqa: E402
from fdclient import CHUNK, FileDockClient  # noqa: E402

MB = 1e6
DIRECTORY = "bench-http"

NGINX_CONFIG = """
worker_processes 1;
daemon off;
pid %(prefix)s/nginx.pid;
error_log %(prefix)s/error.log warn;
events { worker_connections 64; }
http {
    sendfile on;
    tcp_nopush on;
    access_log off;
    client_body_temp_path %(prefix)s/body;
    proxy_temp_path %(prefix)s/proxy;
    fastcgi_temp_path %(prefix)s/fastcgi;
    uwsgi_temp_path %(prefix)s/uwsgi;
    scgi_temp_path %(prefix)s/scgi;
    server {
        listen 127.0.0.1:%(port)d;
        root %(root)s;
        location / { }
    }
}
"""


class Nginx:
    def __init__(self, root, port):
        self.port = port
        self.prefix = tempfile.mkdtemp(prefix="nginx-bench-")
        config = os.path.join(self.prefix, "nginx.conf")
        with open(config, "w") as f:
            f.write(NGINX_CONFIG % {"prefix": self.prefix, "port": port, "root": root})
        self.process = subprocess.Popen(["nginx", "-c", config, "-p", self.prefix])
        wait_for_port(port, process=self.process)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)
        shutil.rmtree(self.prefix, ignore_errors=True)


def timed_curl(arguments, startup):
    start = time.perf_counter()
    subprocess.run(["curl", "-sS", "--fail", "-H", "Expect:"] + arguments, check=True)
    return max(time.perf_counter() - start - startup, 1e-6)


def http_exchange(port, head, body_file=None, out_file=None):
    """One HTTP/1.1 request on a fresh connection, the body sent and received through one 1 MiB
    buffer exactly as fdclient moves a socket payload; returns (status, seconds)."""
    start = time.perf_counter()
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    try:
        sock.sendall(head.encode("ascii"))
        if body_file:
            with open(body_file, "rb", buffering=0) as f:
                while True:
                    n = f.readinto(buffer)
                    if not n:
                        break
                    sock.sendall(view[:n])
        reader = sock.makefile("rb", buffering=CHUNK)
        status = int(reader.readline().split()[1])
        length = 0
        while True:
            line = reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        left = length
        with open(out_file or os.devnull, "wb", buffering=0) as f:
            while left > 0:
                n = reader.readinto(view[:min(left, CHUNK)])
                if not n:
                    raise SystemExit("the response ended early")
                f.write(view[:n])
                left -= n
    finally:
        sock.close()
    return status, time.perf_counter() - start


def python_get(port, path, out):
    status, seconds = http_exchange(port, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" % path,
                                    out_file=out)
    if status != 200:
        raise SystemExit("GET %s: %d" % (path, status))
    return seconds


def python_put(port, path, local):
    head = "PUT %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (
        path, os.path.getsize(local))
    status, seconds = http_exchange(port, head, body_file=local)
    if status not in (201, 204):
        raise SystemExit("PUT %s: %d" % (path, status))
    return seconds


def checked(path, digest):
    if sha256(path) != digest:
        raise SystemExit("%s does not match the file served" % path)
    os.remove(path)


def one_round(args, order, size, local, digest, startup):
    rates = {}
    out = os.path.join(args.work, "bench-http-download.bin")
    for name in order:
        if args.prime_memory:
            prime_memory(args.work, size)
        if name == "nginx GET":
            seconds = timed_curl(["-o", out, "http://127.0.0.1:%d/%s/file.bin" % (args.nginx_port, DIRECTORY)], startup)
            checked(out, digest)
        elif name == "FileDock HTTP GET":
            seconds = timed_curl(["-o", out, "http://127.0.0.1:%d/filedock/api/files/%s/file.bin"
                                  % (args.http_port, DIRECTORY)], startup)
            checked(out, digest)
        elif name == "nginx GET (py)":
            seconds = python_get(args.nginx_port, "/%s/file.bin" % DIRECTORY, out)
            checked(out, digest)
        elif name == "FileDock HTTP GET (py)":
            seconds = python_get(args.http_port, "/filedock/api/files/%s/file.bin" % DIRECTORY, out)
            checked(out, digest)
        elif name == "FileDock HTTP PUT (py)":
            seconds = python_put(args.http_port, "/filedock/api/files/%s/up-http.bin" % DIRECTORY, local)
        elif name == "FileDock socket DOWNLOAD":
            client = FileDockClient("127.0.0.1", args.filedock_port)
            try:
                seconds = client.download("/%s/file.bin" % DIRECTORY, out)
            finally:
                client.close()
            checked(out, digest)
        elif name == "FileDock HTTP PUT":
            seconds = timed_curl(["-o", "/dev/null", "-T", local, "http://127.0.0.1:%d/filedock/api/files/%s/up-http.bin"
                                  % (args.http_port, DIRECTORY)], startup)
        else:  # FileDock socket UPLOAD
            client = FileDockClient("127.0.0.1", args.filedock_port)
            try:
                seconds = client.upload(local, "/%s/up-socket.bin" % DIRECTORY)
            finally:
                client.close()
        rates[name] = size / MB / seconds
        print("  %-26s %8.0f MB/s" % (name, rates[name]), file=sys.stderr)
    return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--storage-root", required=True, help="the running FileDock's filedock.root")
    parser.add_argument("--filedock-port", type=int, default=7021)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--nginx-port", type=int, default=18080)
    parser.add_argument("--size", type=parse_size, default=parse_size("1G"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", default=tempfile.gettempdir(), help="where local files go (tmpfs: /dev/shm)")
    parser.add_argument("--prime-memory", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench-http-", dir=args.work)
    args.work = work
    local, digest = make_file(work, args.size)
    client = FileDockClient("127.0.0.1", args.filedock_port)
    try:
        try:
            client.command("MKDIR", "/" + DIRECTORY)
        except Exception:
            pass  # left by an earlier run
        client.upload(local, "/%s/file.bin" % DIRECTORY)
    finally:
        client.close()
    nginx = Nginx(os.path.realpath(args.storage_root), args.nginx_port)
    startup = curl_startup()
    names = ["nginx GET", "FileDock HTTP GET", "nginx GET (py)", "FileDock HTTP GET (py)", "FileDock socket DOWNLOAD",
             "FileDock HTTP PUT", "FileDock HTTP PUT (py)", "FileDock socket UPLOAD"]
    results = {name: [] for name in names}
    try:
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            print("round %d (%s)" % (r + 1, label(args.size)), file=sys.stderr)
            for name, rate in one_round(args, order, args.size, local, digest, startup).items():
                results[name].append(rate)
    finally:
        nginx.stop()
        shutil.rmtree(work, ignore_errors=True)
    medians = {name: statistics.median(values) for name, values in results.items()}
    print("medians of %d rounds, %s, MB/s (1 MB = 10^6 bytes):" % (args.rounds, label(args.size)))
    for name in names:
        print("  %-26s %8.0f   (%s)" % (name, medians[name], ", ".join("%.0f" % v for v in results[name])))
    print("ratios:")
    for a, b in [("FileDock HTTP GET", "nginx GET"), ("FileDock HTTP GET (py)", "nginx GET (py)"),
                 ("FileDock HTTP GET (py)", "FileDock socket DOWNLOAD"), ("FileDock HTTP GET", "FileDock socket DOWNLOAD"),
                 ("FileDock HTTP PUT (py)", "FileDock socket UPLOAD"), ("FileDock HTTP PUT", "FileDock socket UPLOAD")]:
        print("  %-24s / %-26s %.2f" % (a, b, medians[a] / medians[b]))


if __name__ == "__main__":
    main()
