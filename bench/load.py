"""The load tool, run as a separate process: wrk, with bench/latency.lua for p95."""

import json
import os
import shutil
import subprocess
from pathlib import Path

LUA = Path(__file__).with_name("latency.lua")


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk (Debian package)…", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env_cmd = ["env", "DEBIAN_FRONTEND=noninteractive"]
    subprocess.run([*sudo, *env_cmd, "apt-get", "install", "-y", "-qq", "wrk"], check=True)


def run_wrk(url, *, connections, seconds, cookie=None):
    command = [
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout=10s",
        "--latency",
        "-s",
        str(LUA),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = raw["duration_us"] / 1e6
    return {
        "connections": connections,
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds_run, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": raw["non_2xx_3xx"] + raw["socket_errors"],
    }
