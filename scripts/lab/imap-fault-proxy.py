#!/usr/bin/env python3
"""imap-fault-proxy.py: an IMAP proxy that ends TLS on both sides, so a test can see and change
IMAP commands and responses (fault-proxy.py passes TLS through and only works by byte offset).

It answers the first TIMES commands whose text (after the tag) matches INJECT, instead of the
server, with "<tag> RESPONSE" (default "NO [THROTTLED] ..."), or with RESPONSE "BYE" it sends
"* BYE [UNAVAILABLE] Server busy" and closes that connection; with --capability-add WORD it adds
WORD (e.g. APPENDLIMIT=65536) to every CAPABILITY the server announces. It also counts
connections: how many were open at once, in all and per login (SASL PLAIN or LOGIN).

usage: imap-fault-proxy.py --target HOST:PORT --cert PEM --key PEM --ca PEM [--inject REGEX]
         [--times N] [--response TEXT|BYE] [--capability-add WORD] [--control FILE]
Prints "PORT <n>" once listening. Appends to --control: "connections <total>", "max-open <n>",
"max-open-per-login <n>", "injected <n>", "injected-at <unix time>" (each line's last value counts).
Stops on SIGTERM. 127.0.0.1 only.
"""
import argparse, base64, re, select, signal, socket, ssl, sys, threading, time

LITERAL = re.compile(rb"\{(\d+)\+?\}\r?\n$")


class State:
    def __init__(self, a):
        self.a, self.lock = a, threading.Lock()
        self.total = self.open = self.max_open = self.injected = self.max_login = 0
        self.per_login = {}

    def note(self, line):
        if self.a.control:
            with open(self.a.control, "a") as f:
                f.write(line + "\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--target", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--ca", required=True)
    p.add_argument("--inject")
    p.add_argument("--times", type=int, default=1)
    p.add_argument("--response", default="NO [THROTTLED] Request is throttled. Suggested Backoff Time: 1000 milliseconds")
    p.add_argument("--capability-add")
    p.add_argument("--control")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(a.cert, a.key)
    client_side = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client_side.load_verify_locations(a.ca)
    client_side.check_hostname = False
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print("PORT %d" % listener.getsockname()[1], flush=True)
    state = State(a)
    while True:
        raw, _ = listener.accept()
        threading.Thread(target=serve, args=(a, state, raw, server_side, client_side), daemon=True).start()


def serve(a, state, raw, server_side, client_side):
    host, port = a.target.rsplit(":", 1)
    login = None
    with state.lock:
        state.total += 1
        state.open += 1
        state.max_open = max(state.max_open, state.open)
        state.note("connections %d" % state.total)
        state.note("max-open %d" % state.max_open)
    try:
        client = server_side.wrap_socket(raw, server_side=True)
        upstream = client_side.wrap_socket(socket.create_connection((host, int(port))))
    except (OSError, ssl.SSLError):
        with state.lock:
            state.open -= 1
        raw.close()
        return
    buffers = {client: b"", upstream: b""}
    literal = {client: 0, upstream: 0}
    try:
        while True:
            ready = [s for s in (client, upstream) if s.pending()] or select.select([client, upstream], [], [], 5)[0]
            for source in ready:
                data = source.recv(65536)
                if not data:
                    return
                buffers[source] += data
                sink = upstream if source is client else client
                while buffers[source]:
                    if literal[source]:
                        chunk = buffers[source][:literal[source]]
                        literal[source] -= len(chunk)
                        buffers[source] = buffers[source][len(chunk):]
                        sink.sendall(chunk)
                        continue
                    end = buffers[source].find(b"\n")
                    if end < 0:
                        break
                    line, buffers[source] = buffers[source][:end + 1], buffers[source][end + 1:]
                    m = LITERAL.search(line)
                    if m:
                        literal[source] = int(m.group(1))
                    if source is client:
                        login = login or login_of(line)
                        if login and login_of(line):
                            count_login(state, login, +1)
                        answer = injection(a, state, line, m is not None)
                        if answer == "BYE":
                            client.sendall(b"* BYE [UNAVAILABLE] Server busy, try again later\r\n")
                            return
                        if answer:
                            client.sendall(answer)
                            continue
                    elif a.capability_add:
                        line = with_capability(line, a.capability_add.encode())
                    sink.sendall(line)
    except (OSError, ssl.SSLError):
        pass
    finally:
        with state.lock:
            state.open -= 1
        if login:
            count_login(state, login, -1)
        for s in (client, upstream):
            try:
                s.close()
            except OSError:
                pass


def login_of(line):
    """The user of `tag AUTHENTICATE PLAIN <base64>` (SASL-IR) or `tag LOGIN user pw`."""
    words = line.split()
    if len(words) >= 4 and words[1].upper() == b"AUTHENTICATE" and words[2].upper() in (b"PLAIN", b"XOAUTH2"):
        try:
            decoded = base64.b64decode(words[3])
        except ValueError:
            return None
        if words[2].upper() == b"PLAIN":
            parts = decoded.split(b"\0")
            return parts[1].decode(errors="replace") if len(parts) >= 3 else None
        m = re.match(rb"user=([^\x01]*)\x01", decoded)
        return m.group(1).decode(errors="replace") if m else None
    if len(words) >= 3 and words[1].upper() == b"LOGIN":
        return words[2].strip(b'"').decode(errors="replace")
    return None


def count_login(state, login, delta):
    with state.lock:
        state.per_login[login] = state.per_login.get(login, 0) + delta
        if delta > 0 and state.per_login[login] > state.max_login:
            state.max_login = state.per_login[login]
            state.note("max-open-per-login %d" % state.max_login)


def injection(a, state, line, has_literal):
    if not a.inject or has_literal:
        return None
    words = line.rstrip(b"\r\n").split(b" ", 1)
    if len(words) < 2 or not re.search(a.inject.encode(), words[1], re.I):
        return None
    with state.lock:
        if state.injected >= a.times:
            return None
        state.injected += 1
        state.note("injected %d" % state.injected)
        state.note("injected-at %.3f" % time.time())
    if a.response.upper() == "BYE":
        return "BYE"
    return words[0] + b" " + a.response.encode() + b"\r\n"


def with_capability(line, word):
    upper = line.upper()
    if upper.startswith(b"* CAPABILITY "):
        return line.rstrip(b"\r\n") + b" " + word + b"\r\n"
    at = upper.find(b"[CAPABILITY ")
    if at >= 0:
        close = line.find(b"]", at)
        if close > 0:
            return line[:close] + b" " + word + line[close:]
    return line


if __name__ == "__main__":
    main()
