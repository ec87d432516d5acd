"""How long a job takes to fail once its MLflow server is killed mid-run (the retry budget).

    python experiments/bench_server_kill.py [--retry-seconds 60]

Starts a real ``mlflow server`` on a free loopback port, starts a job that opens a run through it
(``tests/test_tracking_faults.py``'s job script), SIGKILLs the server, lets the job make its next
request and times how long the job takes to exit. Writes experiments/results/bench_server_kill.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    from test_tracking_faults import JOB

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retry-seconds", type=float, default=60.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "mlflow"), "server", "--host", "127.0.0.1", "--port", str(port),
         "--backend-store-uri", f"sqlite:///{tmp}/server.db", "--artifacts-destination", str(tmp / "artifacts"),
         "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(180):
            try:
                urllib.request.urlopen(url + "/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.5)
        (tmp / "job.py").write_text(JOB)
        job = subprocess.Popen([sys.executable, str(tmp / "job.py"), url, str(tmp / "go"), str(args.retry_seconds)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        job.stdout.readline()  # the run is open
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    start = time.perf_counter()
    (tmp / "go").write_text("")
    _, err = job.communicate()
    seconds = time.perf_counter() - start
    errors = [line for line in err.splitlines() if "error:" in line]
    result = {"retry_seconds": args.retry_seconds, "seconds_to_exit": round(seconds, 1), "exit": job.returncode,
              "error_lines": len(errors), "first_error": errors[0][:200] if errors else None}
    print(json.dumps(result, indent=1))
    (ROOT / "experiments/results/bench_server_kill.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
