#!/usr/bin/env python3
"""A minimal FileDock protocol client in Python, for benchmarks: no JVM on the client side.

It speaks the raw protocol (contract §1-§9) over plain TCP or TLS, with 1 MiB buffers, and times
each transfer inside the process from the request line to the final reply, so that a client's
start-up never counts. Used by compare_tls.py; usable alone:

    python3 bench/fdclient.py --port 7022 --tls --fingerprint SHA256:<hex> upload local.bin remote.bin
    python3 bench/fdclient.py --port 7021 download remote.bin copy.bin

Its last output line ends with "connect-to-reply <seconds>": the time from before the connect to
the transfer's final reply (connect, greeting, request, payload, reply), the span curl's
%{time_total} covers for an FTP transfer. "--startup-only" loads everything and exits without
connecting, so that a caller timing whole processes can subtract the start-up
(bench/compare_nonjvm.py does).

A TLS server's certificate is checked against the given fingerprint (SHA-256 of the DER
certificate, as the server logs it and /filedock/api/info shows it); without --fingerprint the
system's trust store decides.
"""
import argparse
import hashlib
import os
import socket
import ssl
import sys
import time

CHUNK = 1 << 20


class ProtocolError(Exception):
    pass


def quote(argument):
    if argument and not any(c in argument for c in ' "\\'):
        return argument
    return '"' + argument.replace("\\", "\\\\").replace('"', '\\"') + '"'


class FileDockClient:
    def __init__(self, host, port, tls=False, fingerprint=None, timeout=60):
        raw = socket.create_connection((host, port), timeout=timeout)
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if tls:
            context = ssl.create_default_context()
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            if fingerprint:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            raw = context.wrap_socket(raw, server_hostname=host)
            if fingerprint:
                actual = "SHA256:" + hashlib.sha256(raw.getpeercert(binary_form=True)).hexdigest()
                if actual != normalize_fingerprint(fingerprint):
                    raw.close()
                    raise ProtocolError("server certificate %s is not the expected %s" % (actual, fingerprint))
        self.sock = raw
        self.reader = raw.makefile("rb", buffering=CHUNK)
        self.greeting = self.line()
        if not self.greeting.startswith("OK@"):
            raise ProtocolError(self.greeting)

    def line(self):
        data = self.reader.readline(8192)
        if not data:
            raise ProtocolError("connection closed")
        return data.decode("utf-8").rstrip("\r\n")

    def command(self, *words):
        self.sock.sendall((" ".join(quote(w) for w in words) + "\n").encode("utf-8"))
        reply = self.line()
        if not reply.startswith("OK@"):
            raise ProtocolError(reply)
        return reply[3:]

    def login(self, user, password):
        return self.command("LOGIN", user, password)

    def upload(self, local, remote):
        """Sends a local file; returns the seconds from the request to the final reply."""
        size = os.path.getsize(local)
        start = time.perf_counter()
        self.command("UPLOAD", remote, str(size))
        with open(local, "rb", buffering=0) as f:
            buffer = bytearray(CHUNK)
            view = memoryview(buffer)
            while True:
                n = f.readinto(buffer)
                if not n:
                    break
                self.sock.sendall(view[:n])
        reply = self.line()
        elapsed = time.perf_counter() - start
        if not reply.startswith("OK@"):
            raise ProtocolError(reply)
        return elapsed

    def download(self, remote, local):
        """Receives a file into local; returns the seconds from the request to the final reply."""
        start = time.perf_counter()
        left = int(self.command("DOWNLOAD", remote))
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        with open(local, "wb", buffering=0) as f:
            while left > 0:
                n = self.reader.readinto(view[:min(left, CHUNK)])
                if not n:
                    raise ProtocolError("connection closed during the payload")
                f.write(view[:n])
                left -= n
        self.sock.sendall(b"COMPLETE\n")
        reply = self.line()
        elapsed = time.perf_counter() - start
        if not reply.startswith("OK@"):
            raise ProtocolError(reply)
        return elapsed

    def close(self):
        try:
            self.sock.sendall(b"DISCONNECT\n")
            self.line()
        except (OSError, ProtocolError):
            pass
        self.sock.close()


def normalize_fingerprint(text):
    digits = text.split(":", 1)[1] if text.upper().startswith("SHA256:") else text
    return "SHA256:" + digits.replace(":", "").lower()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7021)
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--fingerprint")
    parser.add_argument("--user")
    parser.add_argument("--startup-only", action="store_true", help="exit before connecting")
    parser.add_argument("action", choices=["upload", "download"])
    parser.add_argument("source")
    parser.add_argument("target")
    args = parser.parse_args()
    if args.startup_only:
        return
    start = time.perf_counter()
    client = FileDockClient(args.host, args.port, args.tls, args.fingerprint)
    try:
        if args.user:
            client.login(args.user, os.environ["FILEDOCK_PASSWORD"])
        if args.action == "upload":
            seconds = client.upload(args.source, args.target)
            size = os.path.getsize(args.source)
        else:
            seconds = client.download(args.source, args.target)
            size = os.path.getsize(args.target)
        whole = time.perf_counter() - start
    finally:
        client.close()
    print("%d bytes in %.3f s, %.1f MB/s, connect-to-reply %.6f" % (size, seconds, size / 1e6 / seconds, whole))


if __name__ == "__main__":
    try:
        main()
    except ProtocolError as e:
        sys.exit("error: %s" % e)
