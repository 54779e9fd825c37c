"""Combine the cue rules' candidates with those a dependency parse shows.

The rules are the reference (they are tuned on annotated news and need no model); the parse
adds what they miss. For a cue both found, the parse only supplies a speaker the rules did not
find; a cue only the parse found is added when its content overlaps no rule candidate.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import Candidate
from .knobs import PARSED_MENTION_MAX

# Parsed constructions trusted on their own: a clausal complement or a parenthetical attribution.
# Objects, "as" phrases and infinitives are left to the rules, which check the cue word too.
_ADDABLE = frozenset({"syntax:ccomp", "syntax:parataxis", "syntax:according"})


def _covered(p: Candidate, others: Sequence[Candidate]) -> bool:
    return any(x.overlaps(y) for r in others for x in p.content for y in r.content)


def combine(rules: Sequence[Candidate], parsed: Sequence[Candidate]) -> list[Candidate]:
    """Rule candidates, completed and extended by parsed ones (see the module docstring)."""
    out = list(rules)
    by_cue = {c.cue.start: k for k, c in enumerate(out) if c.cue is not None}
    for p in parsed:
        k = by_cue.get(p.cue.start) if p.cue is not None else None
        if k is not None:
            if out[k].speaker is None and p.speaker is not None and out[k].rule.name != "passive":
                # the rule's cue and content, the parse's speaker: trusted as far as the parse is
                out[k] = Candidate(cue=out[k].cue, content=out[k].content, speaker=p.speaker,
                                   rule=out[k].rule.with_parsed_speaker())
            continue
        if p.content and p.speaker is not None and p.rule.name in _ADDABLE \
                and p.speaker.end - p.speaker.start <= PARSED_MENTION_MAX and not _covered(p, out):
            out.append(p)
    out.sort(key=lambda c: (c.content[0].start if c.content else c.cue.start if c.cue else 0))
    return out
