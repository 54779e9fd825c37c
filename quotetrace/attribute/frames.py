"""Find attributions from their cues: who says what, with or without quotation marks.

The rules read one sentence at a time (sentences never break inside a quotation). Each frame
(:mod:`.frame`) is tried at one kind of place, in the order of :data:`FRAMES`:

once per sentence
  ``headline``   ``Ortiz Says Budget Talks Are Over``: a title-case headline (:mod:`.headline`),
                 read whole;
  ``trailing``   ``“…?” Mr. Ortiz asked, pointing at the map``: a quotation with its attribution
                 right after it (:mod:`.trailing`);
at every cue word not inside quotation marks
  ``according``  ``according to X, …`` and ``…, according to X`` (:mod:`.according`);
  ``nominal``    ``Doe’s claim that …“…”``: a noun names the statement, its owner speaks
                 (:mod:`.nominal`);
  ``opening``    ``Said Ellis: “…”``, ``Asked whether …,``: a sentence opening with its cue
                 (:mod:`.opening`);
  ``deed``       ``claimed responsibility``: no speech, nothing found (:mod:`.cues`);
  ``relayed``    ``The paper quoted X as saying …``: X speaks, the paper is the channel
                 (:mod:`.relayed`);
  ``passive``    ``has been described as …`` (no speaker), ``described by X as …`` (:mod:`.passive`);
  ``post``       ``…, the agency said.`` / ``“…,” said the senator.``: the content comes first
                 (:mod:`.postposed`);
  ``carried``    ``…, saying …`` / ``… but added that …``: the subject of the clause the cue
                 hangs on (:mod:`.preposed`);
  ``pre``        ``X said (that) …`` / ``X told the BBC on Thursday that …`` (:mod:`.preposed`);
at every colon
  ``colon``      ``Ortiz went even further: “…”``, ``Jane Doe, The Planet: “…”`` (:mod:`.colon`).

At one place the first frame that finds a candidate ends the search; a frame that *claims* a
place reads it alone (a headline claims its whole sentence). Quotations signed after a dash are
read per paragraph, and quotations set between dashes right after a name per passage
(:mod:`.signed`). Which words are cues is :mod:`.cues`'s; where content
starts and ends is :mod:`.content`'s.

Notes:
    The frames follow the attribution patterns catalogued by Pareti (2016, PARC 3.0) and the
    quotation patterns of Pouliquen et al. (2007) and Krestel et al. (2008).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

import regex

from ..analyze import Analysis
from ..marks import Marked
from ..model import Span
from ..text.layout import DisjointSpans
from ..text.lexicon import cue_offsets
from ..text.quotemarks import OPENING, char_class
from . import Candidate
from .according import ACCORDING_FRAME
from .assemble import CONTINUED
from .colon import COLON_FRAME, introducing_dash
from .cues import DEED, find_cues, read_cue
from .frame import Cue, Frame, Place, Reading, Rule
from .headline import HEADLINE_FRAME
from .nominal import NOMINAL_FRAME
from .opening import OPENING_FRAME
from .passive import PASSIVE_FRAME
from .postposed import POST_FRAME
from .preposed import CARRIED_FRAME, PRE_FRAME
from .relayed import RELAYED_FRAME
from .sentence import DASHES, CueSentence
from .signed import APPOSED, SIGNED, find_apposed, find_signed
from .syntax import SYNTAX_RULES
from .trailing import TRAILING

#: The frames in the order they are tried. Adding a rule: write its frame (one module, or one
#: function in the module of its kind), put it here, and give it a row in the table tests.
FRAMES: tuple[Frame, ...] = (
    HEADLINE_FRAME, TRAILING,
    ACCORDING_FRAME, NOMINAL_FRAME, OPENING_FRAME, DEED, RELAYED_FRAME, PASSIVE_FRAME, POST_FRAME, CARRIED_FRAME, PRE_FRAME,
    COLON_FRAME,
)

_PLACES: tuple[Place, ...] = ("sentence", "cue", "colon")
_BY_PLACE = {place: tuple(f for f in FRAMES if f.place == place) for place in _PLACES}


def declared_rules() -> tuple[Rule, ...]:
    """Every rule a candidate can name, from the frames and the steps around them."""
    rules = [SIGNED, APPOSED, *(r for f in FRAMES for r in f.rules), CONTINUED, *SYNTAX_RULES]
    return tuple(dict.fromkeys(rules))


# A colon before a quotation or at the end of a sentence: a line with no cue word may still
# introduce a quotation ("Jane Doe, The Planet: “…”")
_COLON_INTRO_RE = regex.compile(r":\s*(?:%s|\Z)" % char_class(OPENING))


def find_reported(text: str, analysis: Analysis, marked: Sequence[Marked]) -> list[Candidate]:
    """Every attribution the cue rules find, in text order."""
    pieces = DisjointSpans(p for m in marked for p in m.pieces)
    out: list[Candidate] = find_signed(text, analysis, marked) + find_apposed(text, marked)
    cue_at = cue_offsets(text)
    for sent in analysis.sentences:
        k = bisect_left(cue_at, sent.start)
        if (k == len(cue_at) or cue_at[k] >= sent.end) and not _COLON_INTRO_RE.search(text, sent.start, sent.end):
            continue  # most sentences report nothing: skip them before tokenizing
        s = CueSentence(text, Span(sent.start, sent.end), pieces)
        if len(s) < 3:
            continue
        out.extend(read_sentence(s))
    return out


def read_sentence(s: CueSentence) -> list[Candidate]:
    """The candidates of one sentence: every frame tried at its places, in order."""
    reading = Reading(s, find_cues(s))
    for place in _PLACES:
        for cue in _places(s, place, reading):
            for frame in _BY_PLACE[place]:
                claims = frame.claims(s, cue, reading) if frame.claims is not None else None
                if claims is False:
                    continue  # a frame that claims its places reads no other
                cand = frame.find(s, cue, reading)
                if cand is not None:
                    reading.found.append(cand)
                if claims and place == "sentence":
                    return reading.found
                if claims or cand is not None:
                    break
    return reading.found


def _places(s: CueSentence, place: Place, reading: Reading) -> Iterator[Cue]:
    """Where frames of ``place`` are tried, read as cues; a token skipped meanwhile is passed."""
    if place == "sentence":
        yield Cue(0, s.n - 1, "", "sentence")
    elif place == "cue":
        for i in sorted(reading.cues):
            if i not in reading.skip:
                yield read_cue(s, i, reading.cues[i], reading)
    elif ":" in s.lows or any(t in s.lows for t in DASHES):
        for c, low in enumerate(s.lows):
            if low == ":" or introducing_dash(s, c):
                yield Cue(c, c, ":", "colon")
