"""What every attribution frame is: the protocol, the rule a candidate names, and the state a
sentence's reading shares between frames.

A frame is tried at one place in a sentence (the whole sentence, a cue word, or a colon) and
returns one :class:`~quotetrace.attribute.Candidate` or None. It declares the rules it may name
and each rule's confidence beside it, so a rule and its confidence are written once, where the
construction is read. :mod:`.frames` lists the frames in the order they are tried.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Literal, get_args

import attrs

from ..model import Span

if TYPE_CHECKING:
    from .sentence import CueSentence

#: Every rule a candidate can name: a closed set, so a typo is an error, never a silent default.
RuleName = Literal[
    "signed", "apposed", "headline", "post", "post-inverted", "according", "nominal", "passive", "relayed", "pre",
    "carried", "colon", "continued",
    "syntax:ccomp", "syntax:parataxis", "syntax:as", "syntax:xcomp", "syntax:according",
]
RULE_NAMES: frozenset[str] = frozenset(get_args(RuleName))

#: Where a frame is tried: once per sentence, at every cue word, or at every colon.
Place = Literal["sentence", "cue", "colon"]

#: The confidence of a speaker that the dependency parse supplied to a rule that found none: the
#: parse's own confidence in a speaker (the ``syntax:*`` rules'), never more than the rule's.
PARSED_SPEAKER_CONFIDENCE = 0.8


def _known(_: object, __: object, name: str) -> None:
    if name not in RULE_NAMES:
        raise ValueError(f"unknown rule {name!r}: add it to RuleName in quotetrace/attribute/frame.py")


def _probability(_: object, __: object, value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"a confidence is in (0, 1], not {value}")


@attrs.frozen
class Rule:
    """The construction that found a candidate, and how far a quote found by it is trusted.

    ``parsed_speaker`` is true when the dependency parse supplied the speaker this rule did not
    find (:func:`~quotetrace.attribute.combine.combine`)."""

    name: RuleName = attrs.field(validator=_known)
    confidence: float = attrs.field(validator=_probability)
    parsed_speaker: bool = False

    def with_parsed_speaker(self) -> Rule:
        """This rule, completed by a speaker from the parse: trusted as far as the parse is."""
        return Rule(self.name, min(self.confidence, PARSED_SPEAKER_CONFIDENCE), parsed_speaker=True)


@attrs.frozen
class Candidate:
    """One attribution found in the text, before speakers are resolved.

    ``cue`` and ``speaker`` are the words as written (``speaker`` is None when the text names no
    one: ``has been described as …``); ``content`` is the reported clause or quotation, as one or
    more pieces. ``rule`` names the construction that found it and carries the confidence a
    quote found by it gets (:class:`~quotetrace.attribute.frame.Rule`).
    """

    #: None for a quotation signed after a dash ("“…” ― Jane Doe"), which has no cue word
    cue: Span | None
    content: tuple[Span, ...] = attrs.field(converter=tuple)
    speaker: Span | None = None
    rule: Rule = attrs.field(kw_only=True)


@attrs.frozen
class Cue:
    """A cue word as the frames read it: the tokens ``i`` to ``end`` (``went on to say``), its
    lemma (``say``) and its kind (``speech``, ``stance``, ``according``; ``colon`` for a colon,
    ``sentence`` for the whole sentence)."""

    i: int
    end: int
    lemma: str
    kind: str


class Reading:
    """What the frames of one sentence share, made explicit: the cues, what was found so far,
    the tokens no later frame may read as a cue, and the last speaker named."""

    def __init__(self, s: CueSentence, cues: dict[int, str]):
        self.s = s
        self.cues = cues  # token index -> kind, for every cue word of the sentence
        self.found: list[Candidate] = []
        self.skip: set[int] = set()
        self.last_speaker: tuple[int, int] | None = None
        # the colon frame's attributions by the end of their colon, worked out once per sentence
        self.colons: dict[int, Candidate] | None = None
        # "A, according to X, B, according to Y": the words before an "according to" start
        # after the source of the one before, and the words after it stop at the next one (else
        # a line of them gives every source the whole line: output and time grow as its square)
        self.according_floor = 0
        self.according_cues: dict[int, str] | None = None

    def spoke(self, tokens: tuple[int, int] | None) -> None:
        """``tokens`` named the last speaker: a later ``…, saying …`` carries it."""
        self.last_speaker = tokens


@attrs.frozen
class Frame:
    """One attribution frame: where it is tried, the rules it may name, and the function that
    reads it.

    ``find(s, cue, reading)`` returns a candidate or None. A frame without ``claims`` is tried at
    every place of its kind, and a candidate it finds ends the search there. A frame with
    ``claims`` is tried only where ``claims(s, cue, reading)`` is true, and reads that place alone:
    no later frame is tried there, whether it found something or not (``according to …`` is
    never read as ``X said``); a sentence frame that claims reads the whole sentence alone."""

    name: str
    place: Place
    rules: tuple[Rule, ...]
    find: Callable[[CueSentence, Cue, Reading], Candidate | None]
    claims: Callable[[CueSentence, Cue, Reading], bool] | None = None
