#!/usr/bin/env python3
"""Shows on the wire what resuming an upload sends (issue 11): a resumable, verified upload is cut
after --cut bytes (the connection closed by the client), then taken up again from the server's
offset. Prints, for each part, the payload bytes this client sent, the loopback interface's byte
counters from /proc/net/dev over the part (both directions of all loopback traffic, so other
programs on the machine add to them), and the bytes the server's rate history recorded for each
part of the upload (GET /filedock/api/transfers?uploadId=...).

    python3 bench/resume_wire.py --port 7321 --http-port 8380 --size 1G --cut 900M /dev/shm/x.bin
"""
import argparse
import hashlib
import json
import os
import socket
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fdclient import CHUNK, FileDockClient, ProtocolError  # noqa: E402

UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def size_of(text):
    text = text.upper().rstrip("B").rstrip("I")
    unit = text[-1] if text[-1] in UNITS else ""
    return int(text[:-1] if unit else text) * UNITS[unit]


def loopback_bytes():
    with open("/proc/net/dev") as f:
        for line in f:
            name, _, rest = line.partition(":")
            if name.strip() == "lo":
                fields = rest.split()
                return int(fields[0])  # received on lo (every byte sent on lo is received on it)
    raise RuntimeError("no lo in /proc/net/dev")


def send_part(client, local, offset, limit):
    """Sends the file from offset; stops after limit bytes (closing the connection) or at its end."""
    sent = 0
    with open(local, "rb", buffering=0) as f:
        f.seek(offset)
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        while sent < limit:
            n = f.readinto(view[:min(CHUNK, limit - sent)])
            if not n:
                break
            client.sock.sendall(view[:n])
            sent += n
    return sent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7021)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--size", default="1G")
    parser.add_argument("--cut", default="900M")
    parser.add_argument("--remote", default="resume-wire.bin")
    parser.add_argument("local", help="where the test file is written (put it on tmpfs)")
    args = parser.parse_args()
    size, cut = size_of(args.size), size_of(args.cut)
    with open(args.local, "wb") as f:
        for _ in range(0, size, CHUNK):
            f.write(os.urandom(min(CHUNK, size - f.tell())))
    digest = hashlib.sha256()
    with open(args.local, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    request = ("UPLOAD", args.remote, str(size), "resume", "sha256=" + digest.hexdigest())

    lo_before = loopback_bytes()
    first = FileDockClient(args.host, args.port)
    ready = first.command(*request)
    offset = int(ready.split()[1])
    sent_first = send_part(first, args.local, offset, cut)
    first.sock.shutdown(socket.SHUT_RDWR)  # the network drops here (close alone waits for the reader's reference)
    first.sock.close()
    lo_first = loopback_bytes() - lo_before
    print("part 1: Ready %d, payload sent %d bytes (%.1f MiB); lo received %d bytes" % (
        offset, sent_first, sent_first / 2**20, lo_first))

    deadline = time.time() + 30
    while True:
        lo_before = loopback_bytes()
        second = FileDockClient(args.host, args.port)
        try:
            ready = second.command(*request)
            break
        except ProtocolError as e:  # BUSY while the server closes the broken part
            second.sock.shutdown(socket.SHUT_RDWR)
            second.sock.close()
            if "BUSY" not in str(e) or time.time() > deadline:
                raise
            time.sleep(0.1)
    offset = int(ready.split()[1])
    sent_second = send_part(second, args.local, offset, size)
    reply = second.line()
    lo_second = loopback_bytes() - lo_before
    print("part 2: Ready %d, payload sent %d bytes (%.1f MiB), reply %s; lo received %d bytes" % (
        offset, sent_second, sent_second / 2**20, reply, lo_second))
    print("HASH:", second.command("HASH", args.remote), "expected", digest.hexdigest())
    second.command("DELETE", args.remote)
    second.close()

    base = "http://%s:%d/filedock/api/transfers" % (args.host, args.http_port)
    for _ in range(100):
        with urllib.request.urlopen(base + "?limit=10&path=" + urllib.parse.quote("/" + args.remote)) as r:
            items = json.load(r)["items"]
        if len(items) >= 2 and items[0].get("uploadId"):
            break
        time.sleep(0.1)
    upload_id = items[0]["uploadId"]
    with urllib.request.urlopen(base + "?uploadId=" + urllib.parse.quote(upload_id)) as r:
        chain = json.load(r)["items"]
    print("history of upload %s (newest first):" % upload_id)
    for t in chain:
        print("  %s declared %d, moved %d bytes (%.1f MiB)" % (
            t["outcome"], t["declaredSize"], t["bytesMoved"], t["bytesMoved"] / 2**20))
    os.remove(args.local)


if __name__ == "__main__":
    main()
