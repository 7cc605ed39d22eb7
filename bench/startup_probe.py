#!/usr/bin/env python3
"""One startup measurement of `badgesmith serve` (used by bench/startup.sh).

Usage: startup_probe.py BINARY DATA_DIR LOG_DIR

Picks a free 127.0.0.1 port, starts
  BINARY serve --listen 127.0.0.1:PORT --data-dir DATA_DIR --access-log off
and measures wall time from just before the exec to the first HTTP 200 from
GET /health (connect + request polled every ~0.2 ms). Then sleeps 1 s, reads
VmRSS from /proc/PID/status, sends SIGTERM and waits. Prints one JSON line:
  {"startup_ms": .., "rss_kb": .., "exit_code": .., "port": ..}
Exit 1 (with the server's stderr) if the server does not answer 200 in 10 s.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time

POLL_S = 0.0002
START_TIMEOUT_S = 10.0
SETTLE_S = 1.0
REQUEST = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def health_ok(port):
    """True once GET /health answers with status 200; False while not ready."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as c:
            c.sendall(REQUEST)
            buf = b""
            while b"\r\n" not in buf and len(buf) < 4096:
                chunk = c.recv(4096)
                if not chunk:
                    break
                buf += chunk
    except OSError:  # refused, reset, timeout: not ready yet
        return False
    parts = buf.split(b"\r\n", 1)[0].split()
    return len(parts) >= 2 and parts[0].startswith(b"HTTP/1.") and parts[1] == b"200"


def vmrss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return "killed"
    return proc.returncode


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, data_dir, log_dir = sys.argv[1:]
    # SIGTERM (e.g. from bench/startup.sh's cleanup) unwinds through `finally`, stopping the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    port = free_port()
    cmd = [binary, "serve", "--listen", f"127.0.0.1:{port}", "--data-dir", data_dir,
           "--access-log", "off"]
    out = open(os.path.join(log_dir, "stdout.log"), "wb")
    err_path = os.path.join(log_dir, "stderr.log")
    err = open(err_path, "wb")

    t0 = time.perf_counter_ns()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
    deadline = t0 + int(START_TIMEOUT_S * 1e9)
    ready_ns = None
    try:
        while True:
            if health_ok(port):
                ready_ns = time.perf_counter_ns()
                break
            if proc.poll() is not None or time.perf_counter_ns() > deadline:
                break
            time.sleep(POLL_S)
        if ready_ns is None:
            why = (f"exited with status {proc.returncode}" if proc.poll() is not None
                   else f"no HTTP 200 from /health within {START_TIMEOUT_S:.0f} s")
            stop(proc)
            err.flush()
            with open(err_path, errors="replace") as f:
                sys.stderr.write(f.read()[-4000:])
            sys.stderr.write(f"startup_probe: server {why}: {' '.join(cmd)}\n")
            return 1
        time.sleep(SETTLE_S)
        if proc.poll() is not None:
            sys.stderr.write(f"startup_probe: server exited with status {proc.returncode} "
                             f"within {SETTLE_S:.0f} s of becoming ready\n")
            return 1
        rss = vmrss_kb(proc.pid)
    finally:
        code = stop(proc)
        out.close()
        err.close()
    print(json.dumps({"startup_ms": (ready_ns - t0) / 1e6, "rss_kb": rss,
                      "exit_code": code, "port": port}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
