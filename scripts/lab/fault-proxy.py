#!/usr/bin/env python3
"""fault-proxy.py: a TCP proxy for fault tests, between a client and the lab's Dovecot/Postfix.

It forwards bytes unchanged (TLS passes through: faults are placed by byte offset, not by
command) and, on the first FAULTY connections (default 1), at OFFSET bytes of one DIRECTION:
  drop     close both sides (a connection lost at that byte)
  stall    stop forwarding that direction, keep the connection open (a hung server)
  trickle  from then on forward RATE bytes per second in that direction (a slow server)
Later connections pass through, so the work the fault interrupted can be done next cycle.
With --target none it is a server that accepts and never answers (a stalled server).

usage: fault-proxy.py --target HOST:PORT|none [--mode pass|drop|stall|trickle] [--offset N]
                      [--direction s2c|c2s] [--rate BYTES] [--faulty K] [--control FILE]
Prints "PORT <n>" once listening. Per connection it appends one line to --control (when given):
"conn <i> c2s <bytes> s2c <bytes> fault <yes|no>", so a test can size its offsets on a clean run,
and "fault-at <unix time>" when a fault starts, so a test can time what follows from there.
Stops on SIGTERM.
"""
import argparse, signal, socket, sys, threading, time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--target", required=True)
    p.add_argument("--mode", default="pass", choices=["pass", "drop", "stall", "trickle"])
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--direction", default="s2c", choices=["s2c", "c2s"])
    p.add_argument("--rate", type=int, default=100)
    p.add_argument("--faulty", type=int, default=1)
    p.add_argument("--control")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    print("PORT %d" % listener.getsockname()[1], flush=True)
    count = 0
    lock = threading.Lock()
    while True:
        client, _ = listener.accept()
        count += 1
        threading.Thread(target=serve, args=(a, client, count, count <= a.faulty, lock), daemon=True).start()


def serve(a, client, index, faulty, lock):
    if a.target == "none":
        time.sleep(3600)  # accept, never answer
        return
    host, port = a.target.rsplit(":", 1)
    try:
        server = socket.create_connection((host, int(port)))
    except OSError:
        client.close()
        return
    counts = {"c2s": 0, "s2c": 0}
    closed = threading.Event()

    def pump(source, sink, direction):
        fault_here = faulty and a.mode != "pass" and direction == a.direction
        try:
            while not closed.is_set():
                data = source.recv(65536)
                if not data:
                    break
                if fault_here and counts[direction] + len(data) > a.offset:
                    note(a, lock, "fault-at %.3f" % time.time())
                    keep = max(0, a.offset - counts[direction])
                    if keep:
                        sink.sendall(data[:keep])
                        counts[direction] += keep
                    rest = data[keep:]
                    if a.mode == "drop":
                        break
                    if a.mode == "stall":
                        closed.wait()
                        break
                    # trickle: RATE bytes per second from here on
                    while rest and not closed.is_set():
                        n = max(1, a.rate // 10)
                        sink.sendall(rest[:n])
                        counts[direction] += len(rest[:n])
                        rest = rest[n:]
                        time.sleep(n / a.rate)
                    continue
                sink.sendall(data)
                counts[direction] += len(data)
        except OSError:
            pass
        closed.set()
        for s in (client, server):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    threads = [threading.Thread(target=pump, args=(client, server, "c2s"), daemon=True),
               threading.Thread(target=pump, args=(server, client, "s2c"), daemon=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    client.close()
    server.close()
    note(a, lock, "conn %d c2s %d s2c %d fault %s" % (index, counts["c2s"], counts["s2c"], "yes" if faulty and a.mode != "pass" else "no"))


def note(a, lock, line):
    if a.control:
        with lock, open(a.control, "a") as f:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
