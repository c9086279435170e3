#!/usr/bin/env python3
"""fault-smtp.py: a minimal SMTP submission server (STARTTLS + AUTH) that fails on purpose.

usage: fault-smtp.py --cert PEM --key KEY [--fail-at EHLO|AUTH|MAIL|RCPT|DATA|DOT] [--code 451]
                     [--after-dot reply|drop|stall] [--control FILE]
--fail-at answers that command with --code (DOT: the reply to the end of the data).
--after-dot drop closes the connection right after the final dot, without a reply; stall never
replies. Each message received whole (up to its final dot) appends "received <n>" to --control,
each one accepted with 250 appends "accepted <n>". Prints "PORT <n>" once listening.
"""
import argparse, socket, ssl, threading, time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--fail-at", default="")
    p.add_argument("--code", type=int, default=451)
    p.add_argument("--after-dot", default="reply", choices=["reply", "drop", "stall"])
    p.add_argument("--control")
    a = p.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(a.cert, a.key)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    print("PORT %d" % listener.getsockname()[1], flush=True)
    counts = {"received": 0, "accepted": 0}
    lock = threading.Lock()
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=session, args=(a, context, conn, counts, lock), daemon=True).start()


def note(a, lock, counts, key):
    with lock:
        counts[key] += 1
        if a.control:
            with open(a.control, "a") as f:
                f.write("%s %d\n" % (key, counts[key]))


def session(a, context, conn, counts, lock):
    f = conn.makefile("rwb", buffering=0)

    def say(text):
        f.write((text + "\r\n").encode())

    def refuse(command):
        if a.fail_at == command:
            say("%d %d.0.0 refused at %s on purpose" % (a.code, a.code // 100, command))
            return True
        return False

    try:
        say("220 fault-smtp ESMTP")
        tls = False
        while True:
            line = f.readline()
            if not line:
                return
            words = line.decode(errors="replace").strip().split()
            verb = words[0].upper() if words else ""
            if verb in ("EHLO", "HELO"):
                if refuse("EHLO"):
                    continue
                say("250-fault-smtp")
                say("250-AUTH PLAIN LOGIN" if tls else "250-STARTTLS")
                say("250 8BITMIME")
            elif verb == "STARTTLS":
                say("220 2.0.0 go ahead")
                conn = context.wrap_socket(conn, server_side=True)
                f = conn.makefile("rwb", buffering=0)
                tls = True
            elif verb == "AUTH":
                if len(words) < 3:
                    say("334 ")
                    f.readline()
                if not refuse("AUTH"):
                    say("235 2.7.0 ok")
            elif verb == "MAIL":
                refuse("MAIL") or say("250 2.1.0 ok")
            elif verb == "RCPT":
                refuse("RCPT") or say("250 2.1.5 ok")
            elif verb == "DATA":
                if refuse("DATA"):
                    continue
                say("354 end with <CRLF>.<CRLF>")
                while True:
                    data = f.readline()
                    if not data:
                        return
                    if data == b".\r\n":
                        break
                note(a, lock, counts, "received")
                if a.after_dot == "drop":
                    conn.close()
                    return
                if a.after_dot == "stall":
                    time.sleep(3600)
                if not refuse("DOT"):
                    note(a, lock, counts, "accepted")
                    say("250 2.0.0 queued")
            elif verb == "RSET" or verb == "NOOP":
                say("250 2.0.0 ok")
            elif verb == "QUIT":
                say("221 2.0.0 bye")
                return
            else:
                say("502 5.5.2 unknown")
    except (OSError, ssl.SSLError):
        return
    finally:
        try:
            conn.close()
        except OSError:
            pass


if __name__ == "__main__":
    main()
