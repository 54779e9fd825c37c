"""Run a command and measure it as a process of its own: wall time, peak resident memory and
processor time.

The peak is taken by a small launcher that starts the command and waits for it, not by the
benchmark itself: Linux keeps, in a child's peak, the memory of the process it was forked from
(the peak survives ``exec``), so a small command forked straight from a benchmark holding a
corpus would report the benchmark's size (a 45 MB check was reported as 331 MiB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import attrs

_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime} {os.waitstatus_to_exitcode(status)}")
"""


@attrs.frozen
class Ran:
    seconds: float
    peak_mib: float  # of the command or of any process it waited for (its workers)
    cpu: float  # user and system seconds of the command and the processes it waited for
    returncode: int
    stderr: str


def run(command: list[str], ok: tuple[int, ...] = (0,)) -> Ran:
    """Run ``command`` (its standard output discarded); raise with its standard error when its
    exit code is not in ``ok``."""
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "usage")
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _LAUNCHER, report, *command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        seconds = time.perf_counter() - started
        with open(report) as f:
            maxrss, cpu, code = f.read().split()
    ran = Ran(seconds, int(maxrss) / 1024, float(cpu), int(code), proc.stderr.decode(errors="replace"))
    if ran.returncode not in ok:
        raise AssertionError(ran.stderr or f"{command[:4]} failed with {ran.returncode}")
    return ran
