#!/usr/bin/env python3
"""FileDock over TLS beside vsftpd with FTPS (explicit TLS, curl --ssl-reqd), interleaved.

Starts a private vsftpd (Debian's package) with FTPS forced for anonymous sessions and a fresh
self-signed EC key (openssl), and measures, round after round in rotating order:

  - vsftpd FTPS: curl -T (upload) and curl -o (download), each a whole process; curl's own start-up
    (the median of `curl --version` runs) is subtracted;
  - FileDock over TLS and FileDock in plain text, with bench/fdclient.py's client in this process
    (connect, handshake, transfer, final reply; Python's start-up never counts).

Every client is OpenSSL underneath (curl and Python's ssl), so the client's cipher work is the
same for both servers. Every download is checked against the uploaded file (SHA-256). Prints the
medians of the rounds and the ratios FileDock TLS / vsftpd FTPS and FileDock TLS / FileDock plain.

FileDock must run already, with both listeners (e.g. -Dfiledock.root=/dev/shm/fd for tmpfs);
its certificate fingerprint comes from /filedock/api/info. Run as root (vsftpd's anonymous user
"ftp" comes with the package). Loopback only.

    python3 bench/compare_tls.py --sizes 1G --rounds 5 --work /dev/shm
"""
import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fdclient import FileDockClient  # noqa: E402

MB = 1_000_000


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(text[:-1]) * units[text[-1].upper()] if text[-1].upper() in units else int(text)


def label(size):
    return "%d GiB" % (size >> 30) if size >= 1 << 30 else "%d MiB" % (size >> 20)


def make_file(directory, size):
    path = os.path.join(directory, "local-%d.bin" % size)
    digest = hashlib.sha256()
    with open(path, "wb") as f:
        left = size
        while left > 0:
            block = os.urandom(min(left, 1 << 20))
            f.write(block)
            digest.update(block)
            left -= len(block)
    return path, digest.hexdigest()


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class FtpsServer:
    """A private vsftpd that refuses anything but TLS on the control and the data connections."""

    def __init__(self, work, port):
        self.port = port
        root = os.path.join(work, "ftp-root")
        os.makedirs(os.path.join(root, "pub"))
        os.chmod(root, 0o555)
        os.chmod(os.path.join(root, "pub"), 0o777)
        key, cert = os.path.join(work, "ftps-key.pem"), os.path.join(work, "ftps-cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                        "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost"],
                       check=True, capture_output=True)
        conf = os.path.join(work, "vsftpd-ftps.conf")
        with open(conf, "w") as f:
            f.write("\n".join([
                "listen=YES", "listen_address=127.0.0.1", "listen_port=%d" % port, "background=NO",
                "anonymous_enable=YES", "no_anon_password=YES", "anon_root=%s" % root,
                "write_enable=YES", "anon_upload_enable=YES", "anon_other_write_enable=YES",
                "anon_umask=022", "local_enable=NO", "pasv_enable=YES", "pasv_address=127.0.0.1",
                "pasv_min_port=42000", "pasv_max_port=42999", "seccomp_sandbox=NO", "xferlog_enable=NO",
                "secure_chroot_dir=%s" % work, "ftp_username=ftp",
                "ssl_enable=YES", "allow_anon_ssl=YES", "force_anon_logins_ssl=YES",
                "force_anon_data_ssl=YES", "ssl_ciphers=HIGH", "require_ssl_reuse=NO",
                "rsa_cert_file=%s" % cert, "rsa_private_key_file=%s" % key, "",
            ]))
        self.process = subprocess.Popen(["vsftpd", conf])
        deadline = time.monotonic() + 10
        while subprocess.run(["curl", "-sS", "--ssl-reqd", "-k", "ftp://127.0.0.1:%d/" % port],
                             capture_output=True).returncode != 0:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("vsftpd did not start with FTPS")
            time.sleep(0.1)

    def url(self, name):
        return "ftp://127.0.0.1:%d/pub/%s" % (self.port, name)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)


def curl_startup(rounds=15):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(["curl", "--version"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed_curl(arguments, startup):
    start = time.perf_counter()
    subprocess.run(["curl", "-sS", "--ssl-reqd", "-k"] + arguments, check=True)
    return max(time.perf_counter() - start - startup, 1e-6)


def ftps_round(ftps, files, work, startup):
    results = {}
    for size, (path, digest) in files.items():
        results["upload " + label(size)] = size / MB / timed_curl(["-T", path, ftps.url("file.bin")], startup)
        target = os.path.join(work, "ftps-copy.bin")
        results["download " + label(size)] = size / MB / timed_curl(["-o", target, ftps.url("file.bin")], startup)
        if sha256(target) != digest:
            raise SystemExit("vsftpd returned other bytes than were uploaded")
        os.remove(target)
    return results


def filedock_round(args, tls, files, work):
    results = {}
    for size, (path, digest) in files.items():
        target = os.path.join(work, "fd-copy.bin")
        for direction in ("upload", "download"):
            start = time.perf_counter()
            client = FileDockClient(args.host, args.tls_port if tls else args.port, tls, args.fingerprint)
            if args.user:
                client.login(args.user, os.environ["FILEDOCK_PASSWORD"])
            if direction == "upload":
                client.upload(path, "bench-tls.bin")
            else:
                client.download("bench-tls.bin", target)
            client.close()
            results["%s %s" % (direction, label(size))] = size / MB / (time.perf_counter() - start)
        if sha256(target) != digest:
            raise SystemExit("FileDock returned other bytes than were uploaded")
        os.remove(target)
    return results


def fingerprint_from(http):
    with urllib.request.urlopen(http.rstrip("/") + "/api/info", timeout=10) as response:
        info = json.load(response)
    if not info.get("tlsFingerprint"):
        raise SystemExit("the server's /api/info shows no TLS listener")
    return info["tlsFingerprint"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7021, help="FileDock's plaintext port")
    parser.add_argument("--tls-port", type=int, default=7022, help="FileDock's TLS port")
    parser.add_argument("--http", default="http://127.0.0.1:8080/filedock", help="for the fingerprint")
    parser.add_argument("--fingerprint", help="FileDock's certificate (default: from --http)")
    parser.add_argument("--user", help="log in as this user (password from FILEDOCK_PASSWORD)")
    parser.add_argument("--sizes", default="1G", type=lambda s: s.split(","))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--ftps-port", type=int, default=2990)
    parser.add_argument("--work", default=None, help="where local files and vsftpd's root go")
    args = parser.parse_args()
    if not shutil.which("vsftpd"):
        raise SystemExit("vsftpd is not installed (apt-get install vsftpd)")
    args.fingerprint = args.fingerprint or fingerprint_from(args.http)
    work = tempfile.mkdtemp(prefix="filedock-vs-ftps-", dir=args.work)
    os.chmod(work, 0o755)
    ftps = None
    rows = {}
    try:
        ftps = FtpsServer(work, args.ftps_port)
        files = {parse_size(s): make_file(work, parse_size(s)) for s in args.sizes}
        startup = curl_startup()
        print("curl start-up %.1f ms (subtracted); warming up FileDock ..." % (startup * 1000), file=sys.stderr)
        filedock_round(args, True, files, work)
        filedock_round(args, False, files, work)
        turns = ["ftps", "tls", "plain"]
        for r in range(args.rounds):
            order = turns[r % 3:] + turns[:r % 3]
            print("round %d of %d: %s" % (r + 1, args.rounds, ", ".join(order)), file=sys.stderr)
            for turn in order:
                os.sync()
                measured = (ftps_round(ftps, files, work, startup) if turn == "ftps"
                            else filedock_round(args, turn == "tls", files, work))
                for key, value in measured.items():
                    rows.setdefault(key, {}).setdefault(turn, []).append(value)
                print("  %s: %s" % (turn, ", ".join("%s %.0f MB/s" % kv for kv in measured.items())),
                      file=sys.stderr)
    finally:
        if ftps:
            ftps.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("%-22s %14s %14s %14s %12s %12s" % ("median of %d (MB/s)" % args.rounds, "vsftpd FTPS",
                                             "FileDock TLS", "FileDock plain", "TLS/FTPS", "TLS/plain"))
    for key, values in rows.items():
        ftps_v, tls_v, plain_v = (statistics.median(values[t]) for t in ("ftps", "tls", "plain"))
        print("%-22s %14.0f %14.0f %14.0f %11.0f%% %11.0f%%"
              % (key, ftps_v, tls_v, plain_v, 100 * tls_v / ftps_v, 100 * tls_v / plain_v))


if __name__ == "__main__":
    main()
