"""Runs one design's process and watches it: a run that stops making progress is a hang.

The child prints ``item N`` per processed item and ``result {json}`` at the end. No line
for ``stall_s`` seconds means the design is stuck (a hung read it cannot leave); the child
is then killed and the row says where it stopped. After its result the child must also
exit by itself within ``exit_s``: a design that leaves a thread blocked can hold a
finished script up at interpreter exit.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict
from typing import IO, Any

from bench.script_run import Job

EXIT_S = 10.0


def _lines(stream: IO[str], into: queue.Queue[str | None]) -> None:
    for line in stream:
        into.put(line.rstrip("\n"))
    into.put(None)


def watch(job: Job, script: str, stall_s: float) -> dict[str, Any]:
    """The child's result as a dict, with ``outcome``: finished, hung or crashed."""
    with tempfile.TemporaryFile("w+") as errors:  # a file, not a pipe: it never fills up
        return _watch(job, script, stall_s, errors)


def _watch(job: Job, script: str, stall_s: float, errors: IO[str]) -> dict[str, Any]:
    child = subprocess.Popen(
        [sys.executable, script, "--child", json.dumps(asdict(job))],
        stdout=subprocess.PIPE, stderr=errors, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_lines, args=(child.stdout, lines), daemon=True).start()
    last_item, result = None, None
    while True:
        try:
            line = lines.get(timeout=stall_s)
        except queue.Empty:
            child.kill()
            child.wait()
            return {"design": job.design, "outcome": f"hung after item {last_item}"}
        if line is None:
            break
        if line.startswith("item "):
            last_item = int(line.split()[1])
        elif line.startswith("result "):
            result = json.loads(line[len("result ") :])
            break
    return _finish(child, errors, job, result, last_item)


def _finish(
    child: subprocess.Popen[str],
    errors: IO[str],
    job: Job,
    result: dict[str, Any] | None,
    last: int | None,
) -> dict[str, Any]:
    try:
        code = child.wait(timeout=EXIT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        code = None
    if result is None:
        errors.seek(0)
        error = (errors.read().strip().splitlines() or ["no output"])[-1]
        return {"design": job.design, "outcome": f"crashed after item {last}: {error}"}
    result["outcome"] = "finished" if code == 0 else "finished, then hung at exit"
    return result
