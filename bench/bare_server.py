#!/usr/bin/env python3
"""The floor for small commands: a bare thread-per-client server of FileDock's protocol in Python.

It answers the greeting, MKDIR, DIR, RMDIR, PWD and DISCONNECT (contract §1-§4, plain text,
one directory level under its root, no accounts, no locks, no history) with the same system
calls FileDock makes for them (mkdir, a directory listing with one lstat per entry, rmdir), one
blocking thread per connection, TCP_NODELAY. compare_nonjvm.py runs it beside FileDock and drives
both with bench/fdclient.py's client: the ratio says what FileDock's container, adapter and EJBs
add to the file system's own work.

    python3 bench/bare_server.py --port 9030 --root /dev/shm/bare
"""
import argparse
import os
import socket
import stat
import sys
import threading
import time


def entry_line(directory, name):
    info = os.lstat(os.path.join(directory, name))
    kind, size = ("d", 0) if stat.S_ISDIR(info.st_mode) else ("f", info.st_size)
    return "%s %d %s %s" % (kind, size, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(info.st_mtime)), name)


def unquote(text):
    if not text.startswith('"'):
        return text
    return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")


def answer(root, line):
    verb, _, argument = line.partition(" ")
    name = unquote(argument)
    if verb in ("MKDIR", "RMDIR") and (not name or "/" in name or name in (".", "..")):
        return "ERR@BAD_REQUEST invalid name\n"
    try:
        if verb == "MKDIR":
            os.mkdir(os.path.join(root, name))
            return "OK@%s created\n" % argument
        if verb == "RMDIR":
            os.rmdir(os.path.join(root, name))
            return "OK@%s deleted\n" % argument
        if verb == "DIR":
            names = sorted(os.listdir(root), key=lambda n: n.encode("utf-8"))
            return "OK@%d\n" % len(names) + "".join(entry_line(root, n) + "\n" for n in names)
        if verb == "PWD":
            return "OK@/\n"
    except FileExistsError:
        return "ERR@EXISTS %s exists\n" % argument
    except FileNotFoundError:
        return "ERR@NOT_FOUND %s\n" % argument
    except OSError as e:
        return "ERR@INTERNAL %s\n" % e.strerror
    return "ERR@BAD_REQUEST unknown command\n"


def serve(connection, root):
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    with connection, connection.makefile("rb") as lines:
        connection.sendall(b"OK@Welcome to FileDock (bare Python floor)\n")
        for raw in lines:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line == "DISCONNECT":
                connection.sendall(b"OK@Bye\n")
                return
            connection.sendall(answer(root, line).encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    args = parser.parse_args()
    os.makedirs(args.root, exist_ok=True)
    listener = socket.create_server((args.host, args.port), backlog=1024)
    print("bare server on %s:%d, root %s" % (args.host, args.port, args.root), file=sys.stderr, flush=True)
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=serve, args=(connection, args.root), daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
