#!/usr/bin/env python3
"""Cold starts and memory of the packaged Lambda function (used by bench/lambda.sh).

Usage: lambda_probe.py ROOT RUNS INVOCATIONS

ROOT is an empty root holding the unzipped function at ROOT/var/task (bootstrap, certs/) plus
ROOT/etc/resolv.conf and ROOT/tmp. The Runtime API emulator (tests/fixtures/lambda) runs inside
this process on 127.0.0.1, so its monotonic timestamps share our clock.

Cold start (RUNS times): a fresh emulator with one event (GET /badge/build-passing-green) already
queued; t0 = time.monotonic() just before spawning `chroot ROOT /var/task/bootstrap` (as root;
otherwise ROOT/var/task/bootstrap directly, LAMBDA_TASK_ROOT pointing there); init = the
emulator's first /next - t0; first response = its first /response - t0; then SIGTERM. ROOT/tmp is
emptied before each run, as a new sandbox's is.

Memory (skipped when INVOCATIONS is 0): one more start, INVOCATIONS events (static badges with varying text, /health and a 404,
in turn), then VmHWM and VmRSS from /proc/PID/status.

Prints one JSON line: {"init_ms": [...], "first_ms": [...], "invocations": n, "invoke_s": s,
"vmhwm_kb": n, "vmrss_kb": n}. Exit 1 if the function fails to answer within 10 s.
"""
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EMULATOR = os.path.join(HERE, "..", "tests", "fixtures", "lambda", "runtime_api_emulator.py")
TIMEOUT_S = 10.0
CHROOT = shutil.which("chroot") or "/usr/sbin/chroot"


def load_emulator():
    spec = importlib.util.spec_from_file_location("runtime_api_emulator", EMULATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rapi = load_emulator()


def event(path):
    return json.dumps({
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
        "headers": {"accept": "*/*", "user-agent": "bench"},
        "requestContext": {"requestId": "bench", "http": {"method": "GET", "path": path,
                                                          "sourceIp": "203.0.113.9"}},
        "isBase64Encoded": False}).encode()


class Function:
    """The bootstrap under a fresh in-process emulator."""

    def __init__(self, root):
        self.root = root
        self.server = rapi.Server(("127.0.0.1", 0))
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        self.emulator = self.server.emulator
        self.process = None

    def queue(self, path):
        invocation = rapi.Invocation(event(path), int(TIMEOUT_S * 1000))
        self.emulator.pending.put(invocation)
        return invocation

    def start(self):
        tmp = os.path.join(self.root, "tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        os.mkdir(tmp)
        os.chmod(tmp, 0o1777)
        env = {"AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{self.server.server_address[1]}",
               "LAMBDA_TASK_ROOT": "/var/task", "_HANDLER": "bootstrap", "AWS_REGION": "us-east-1",
               "AWS_LAMBDA_FUNCTION_NAME": "badgesmith", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
               "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin", "TZ": ":UTC"}
        if os.geteuid() == 0:
            argv = [CHROOT, self.root, "/var/task/bootstrap"]
        else:
            env["LAMBDA_TASK_ROOT"] = os.path.join(self.root, "var", "task")
            env["BADGESMITH_DATA_DIR"] = tmp
            argv = [os.path.join(self.root, "var", "task", "bootstrap")]
        t0 = time.monotonic()
        self.process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return t0

    def wait(self, invocation):
        if not invocation.done.wait(TIMEOUT_S) or invocation.result[0] != "response":
            sys.exit(f"lambda_probe: no response (got {invocation.result})")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            sys.exit("lambda_probe: bootstrap ignored SIGTERM")
        self.server.shutdown()
        self.server.server_close()
        if code != 0:
            sys.exit(f"lambda_probe: bootstrap exited {code}")


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def main():
    root, runs, invocations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    # The emulator's threads wait on the GIL: at the default 5 ms switch interval that wait, not
    # the function, showed up in the timings (steps of ~4-5 ms).
    sys.setswitchinterval(0.0002)
    init_ms, first_ms = [], []
    for _ in range(runs):
        function = Function(root)
        invocation = function.queue("/badge/build-passing-green")
        t0 = function.start()
        function.wait(invocation)
        state = function.emulator.state()
        init_ms.append(round((state["first_next"] - t0) * 1000, 3))
        first_ms.append(round((state["first_response"] - t0) * 1000, 3))
        function.stop()

    if invocations == 0:
        print(json.dumps({"init_ms": init_ms, "first_ms": first_ms}), flush=True)
        return 0
    function = Function(root)
    function.start()
    paths = ["/badge/build-passing-green", "/health", "/no/such/route"]
    started = time.monotonic()
    for i in range(invocations):
        path = paths[i % 3] if i % 3 else f"/badge/run-{i}-blue"
        function.wait(function.queue(path))
    invoke_s = time.monotonic() - started
    pid = function.process.pid
    result = {"init_ms": init_ms, "first_ms": first_ms, "invocations": invocations,
              "invoke_s": round(invoke_s, 3), "vmhwm_kb": status_kb(pid, "VmHWM"),
              "vmrss_kb": status_kb(pid, "VmRSS")}
    function.stop()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
