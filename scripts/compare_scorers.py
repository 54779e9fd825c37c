"""Check that `quotetrace evaluate` and the scorer shipped with PolNeAR agree on PolNeAR dev.

    python scripts/compare_scorers.py ../shared

SHARED_DIR holds data/polnear/dev.jsonl and tools/score_extract.py. The script

1. checks that the definitions quotetrace writes as its own data select what the shared scorer
   selects: the characters trimmed from a content (``TRIMMED`` against its ``TRIM``) and the
   speech verbs of ``--subset speech`` (``SPEECH_FORMS`` against its ``SPEECH`` pattern, both as
   lists and on every cue of PolNeAR's gold and of quotetrace's predictions);
2. extracts PolNeAR dev with `quotetrace extract` (all kinds, and `--kind direct`);
3. scores the predictions with both scorers (all attributions, `--subset speech`, and
   `--kinds direct` on the `--kind direct` output) and prints every figure both report, side by
   side.

It exits 1 when any figure differs at three decimals (or any definition differs), else 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotetrace.evaluation import TRIMMED, is_speech_cue  # noqa: E402
from quotetrace.evaluation.speech import coverage  # noqa: E402


def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score_extract", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _run(*args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"compare_scorers: {' '.join(args[:3])}… failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def _shared_speech_lists(pattern: str) -> tuple[list[str], list[str]]:
    """The whole words and the stems of the shared SPEECH pattern's alternation."""
    alt = r"[a-z]+(?:\\w\*)?"
    inner = re.search(rf"\(\?:({alt}(?:\|{alt})*)\)\\b$", pattern)
    if not inner:
        raise SystemExit("compare_scorers: cannot read the shared SPEECH pattern's verb list")
    words, stems = [], []
    for alt in inner.group(1).split("|"):
        (stems if alt.endswith(r"\w*") else words).append(alt.removesuffix(r"\w*"))
    return words, stems


def check_definitions(shared: ModuleType, cues: set[str]) -> list[str]:
    """Differences between quotetrace's trimming and speech verbs and the shared scorer's."""
    problems = []
    theirs = set(shared.TRIM)
    if theirs != TRIMMED:
        problems.append(f"trimmed characters differ: only shared {sorted(theirs - TRIMMED)}, "
                        f"only quotetrace {sorted(TRIMMED - theirs)}")
    pattern = shared.SPEECH.pattern
    wrapper = r"^(?:to )?(?:\w+ly )?(?:"
    if not pattern.startswith(wrapper) or not shared.SPEECH.flags & re.IGNORECASE:
        problems.append(f"the shared SPEECH pattern no longer opens with {wrapper!r} (ignoring case)")
    words, stems = _shared_speech_lists(pattern)
    shared_cover = coverage({"shared": tuple(words) + tuple(s + "*" for s in stems)})
    ours = coverage()
    for what, a, b in (("whole words", shared_cover[0], ours[0]), ("stems", shared_cover[1], ours[1])):
        if a != b:
            problems.append(f"speech {what} differ: only shared {sorted(a - b)}, only quotetrace {sorted(b - a)}")
    # the same decision on every real cue, and on forms made from both lists
    probes = set(cues)
    for w in itertools.chain(words, stems, *ours):
        for form in (w, w + "s", w + "ed", w + "ing", w[:-1], "un" + w, "re" + w):
            probes.update({form, form.upper(), form.capitalize(), f"to {form}", f"publicly {form}",
                           f"to publicly {form}", f"{form} that", f"  {form}.", f"{form}-based"})
    differ = sorted(c for c in probes if is_speech_cue(c) != bool(shared.SPEECH.match(c.strip())))
    if differ:
        problems.append(f"{len(differ)} cues judged differently, e.g. {differ[:8]}")
    print(f"definitions: trimmed characters {len(TRIMMED)}, speech words {len(ours[0])} and stems "
          f"{len(ours[1])}, {len(probes)} cues probed: {'same' if not problems else 'DIFFERENT'}")
    return problems


def _pairs(theirs: dict, ours: dict) -> list[tuple[str, object, object]]:
    """(figure, shared, quotetrace) for every figure both scorers report."""
    all_ = ours["scores"]["all"]
    rows: list[tuple[str, object, object]] = [
        ("articles", theirs["docs"], ours["articles"]),
        ("articles without prediction", theirs["docs_missing_in_pred"], len(ours["missing"])),
        ("gold", theirs["gold"], all_["gold"]),
        ("predicted", theirs["pred"], all_["predicted"]),
    ]
    for mine, shared in (("exact", "content_exact"), ("overlap", "content_overlap50")):
        for m, s in (("precision", "p"), ("recall", "r"), ("f1", "f1")):
            rows.append((f"content {mine} {m}", theirs[shared][s], all_[mine][m]))
    for kind, recall in sorted(theirs["recall_overlap50_by_kind"].items()):
        rows.append((f"recall {kind}", recall, ours["scores"][kind]["overlap"]["recall"]))
    rows += [("speaker overlap", theirs["speaker_overlap_acc"], all_["speaker"]["overlap"]),
             ("speaker exact", theirs["speaker_exact_acc"], all_["speaker"]["exact"]),
             ("cue exact", theirs["cue_exact_acc"], all_["cue"]["exact"])]
    return rows


def _same(a: object, b: object) -> bool:
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    # the shared scorer writes 0.0 where quotetrace writes None (nothing to measure)
    return f"{a or 0.0:.3f}" == f"{b or 0.0:.3f}"


def _show(value: object) -> str:
    return str(value) if isinstance(value, int) or value is None else f"{value:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", metavar="SHARED_DIR", help="the folder with data/polnear and tools/score_extract.py")
    args = ap.parse_args()
    shared_dir = Path(args.shared)
    gold = shared_dir / "data" / "polnear" / "dev.jsonl"
    script = shared_dir / "tools" / "score_extract.py"
    for path in (gold, script):
        if not path.is_file():
            print(f"compare_scorers: {path} not found", file=sys.stderr)
            return 2
    shared = _load_scorer(script)
    with tempfile.TemporaryDirectory() as tmp:
        pred, direct = Path(tmp, "dev.pred.jsonl"), Path(tmp, "dev.direct.jsonl")
        pred.write_text(_run("-m", "quotetrace", "extract", str(gold)), encoding="utf-8")
        direct.write_text(_run("-m", "quotetrace", "extract", str(gold), "--kind", "direct"), encoding="utf-8")
        sources = [pred, *sorted(gold.parent.glob("*.jsonl"))]  # every split's gold cues
        cues = {q["cue"] for f in sources for line in f.open(encoding="utf-8") if line.strip()
                for q in json.loads(line)["quotes"] if q.get("cue")}
        problems = check_definitions(shared, cues)
        runs = [("all attributions", pred, []), ("--subset speech", pred, ["--subset", "speech"]),
                ("--kinds direct, on the --kind direct output", direct, ["--kinds", "direct"])]
        for title, predicted, options in runs:
            theirs = json.loads(_run(str(script), str(gold), str(predicted), *options, "--json"))
            ours = json.loads(_run("-m", "quotetrace", "evaluate", str(gold), str(predicted), *options,
                                   "--format", "json"))
            print(f"\nPolNeAR dev, {title}\n{'figure':<30}{'shared':>10}{'quotetrace':>12}")
            for figure, a, b in _pairs(theirs, ours):
                same = _same(a, b)
                print(f"{figure:<30}{_show(a):>10}{_show(b):>12}{'' if same else '   DIFFERENT'}")
                if not same:
                    problems.append(f"{title}: {figure}: shared {_show(a)}, quotetrace {_show(b)}")
    if problems:
        print("\ncompare_scorers: the scorers disagree:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print("\nThe two scorers agree on every figure at three decimals.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
