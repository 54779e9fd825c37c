"""Progress and quiet: a real terminal on standard error (a pseudo-terminal), real tqdm."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

import pytest

from .conftest import SEEDS

# The command as installed, with the bar's delay at 0 so that a short run draws it too (the
# delay is what keeps short runs quiet; test_short_runs_stay_quiet checks that).
SCRIPT = "import sys, quotetrace.cli as cli; cli.PROGRESS_DELAY = {delay}; sys.exit(cli.main(sys.argv[1:]))"


def on_terminal(*args: str, delay: float = 0, stdout_terminal: bool = False) -> tuple[int, bytes, str]:
    """Run `quotetrace ARGS` with standard error on a pseudo-terminal of 100 columns, standard
    output to a pipe (or the terminal too): the exit code, standard output, and what the
    terminal received."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    # standard output goes to a file: a pipe that nobody reads while the terminal is read fills up
    output = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT.format(delay=delay), *args],
                            stdin=subprocess.DEVNULL, stderr=slave, stdout=slave if stdout_terminal else output)
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as exc:  # the terminal closes when the process ends
            if exc.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        screen += chunk
    code = proc.wait(timeout=300)
    os.close(master)
    output.seek(0)
    return code, output.read(), screen.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def hundred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds twenty times over, as a JSONL file of 100 articles: a run long enough for the
    bar to move (it redraws at most ten times a second)."""
    path = tmp_path_factory.mktemp("progress") / "hundred.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(20):
            for p in sorted(SEEDS.glob("*.txt")):
                fh.write(json.dumps({"id": f"{p.stem}-{k}", "text": p.read_text(encoding="utf-8")}) + "\n")
    return path


def moved(screen: str, total: int) -> bool:
    """Whether the bar showed some articles done out of ``total``, with a rate."""
    counts = {int(part.split("/")[0].split()[-1]) for part in screen.split("|") if f"/{total} [" in part}
    return any(0 < n <= total for n in counts) and " articles/s]" in screen


def test_extract_draws_a_bar_on_a_terminal(hundred: Path) -> None:
    """extract to a file with stderr on a terminal shows articles done of the total, the rate
    and the time left, and leaves the output alone."""
    code, out, screen = on_terminal("extract", str(hundred), "--jobs", "1")
    assert code == 0
    assert "quotetrace: extracting" in screen and moved(screen, 100) and "<" in screen
    assert len(out.decode().splitlines()) == 100 and b"\r" not in out


def test_trace_and_check_draw_a_bar_then_say_what_they_do(hundred: Path) -> None:
    """trace counts the articles it extracts and says `tracing` once they are all in; check
    counts the set and the article."""
    code, out, screen = on_terminal("trace", str(hundred), "--format", "json", "--jobs", "1")
    assert code == 0 and moved(screen, 100) and "quotetrace: tracing" in screen
    assert json.loads(out)["families"]
    code, out, screen = on_terminal("check", str(SEEDS / "003_5e38c892982a003a.txt"), "--against", str(hundred),
                                    "--jobs", "1")
    assert code == 0 and moved(screen, 101) and "quotetrace: checking" in screen


def test_quiet_draws_nothing() -> None:
    """--quiet: no bar, even on a terminal."""
    for args in (["extract", str(SEEDS)], ["trace", str(SEEDS)]):
        code, _, screen = on_terminal(*args, "--quiet")
        assert code == 0 and screen == ""


def test_short_runs_stay_quiet() -> None:
    """With the default delay, a run shorter than it leaves the terminal blank."""
    code, _, screen = on_terminal("extract", str(SEEDS / "004_81a655e1a47972bf.txt"), delay=30)
    assert code == 0 and screen == ""


def test_no_bar_when_the_output_is_on_the_terminal() -> None:
    """extract writing its results to the terminal draws no bar between them."""
    code, _, screen = on_terminal("extract", str(SEEDS), "--format", "table", stdout_terminal=True)
    assert code == 0 and "articles/s" not in screen and "000_2273eac947c6bda1:1" in screen


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    """Piped or redirected, standard error carries no progress (CI logs stay clean)."""
    proc = subprocess.run([sys.executable, "-c", SCRIPT.format(delay=0), "trace", str(SEEDS)],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0 and proc.stderr == b""


def test_failures_are_summarised_at_the_end(tmp_path: Path) -> None:
    """Seven bad articles: the first five are named, then the count; the bar clears first."""
    for p in SEEDS.glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    for k in range(7):
        (tmp_path / f"empty{k}.txt").write_bytes(b"")
    code, out, screen = on_terminal("extract", str(tmp_path))
    assert code == 1
    lines = [line.strip() for line in screen.replace("\r", "\n").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("quotetrace: error:")]
    assert errors == [f"quotetrace: error: {tmp_path}/empty{k}.txt: empty article (no text)" for k in range(5)]
    assert lines[-1] == "quotetrace: 7 of 12 articles failed; the first 5 are above"
    assert sum("error" in json.loads(line) for line in out.decode().splitlines()) == 7


def test_quiet_keeps_errors_and_drops_warnings(tmp_path: Path) -> None:
    """--quiet drops the cp1252 warning but still names the failed article and counts it."""
    (tmp_path / "latin.txt").write_bytes("\u201cIt is na\u00efve,\u201d he said.".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    run = [sys.executable, "-m", "quotetrace", "extract", str(tmp_path)]
    loud = subprocess.run(run, capture_output=True, timeout=300).stderr.decode()
    quiet = subprocess.run([*run, "--quiet"], capture_output=True, timeout=300).stderr.decode()
    assert "warning" in loud and "cp1252" in loud
    assert "warning" not in quiet
    for err in (loud, quiet):
        assert "empty.txt: empty article" in err and "1 of 2 articles failed" in err
