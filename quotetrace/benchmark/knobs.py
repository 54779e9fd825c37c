"""The generator's knobs: each trades realism or coverage against the certainty of the answers."""

from __future__ import annotations


#: Bump when the same inputs and seed would give a different corpus.
GENERATOR_VERSION = "5"


#: About one article in this many is a real base; the rest are derived from the bases.
ARTICLES_PER_BASE = 5
#: Planted edits per derived article (inclusive range), besides the quotes it carries unchanged.
EDITS_PER_ARTICLE = (3, 6)
#: Chance that a quote-bearing paragraph of a base is carried by none of its derived articles;
#: it is what leaves some base quotes single-source.
WITHHOLD = 0.15
#: Chance that a derived article drops a few paragraphs, moves one, copies narrator paragraphs
#: from a second base, flips the quotation-mark style, or carries no date.
DROP, MOVE, COPY_NARRATOR, FLIP_STYLE, UNDATED = 0.35, 0.15, 0.3, 0.3, 0.08
#: Derived articles appear this many days after their base, at most.
MAX_DELAY_DAYS = 45
#: A base passage of 4 words or more counts as shared with another base when a run of its words,
#: each 4-gram of which the other base also holds, has 2 content words and covers half the passage
#: or 8 words. Lower values leave more passages unscored; higher values let a natural overlap
#: between two outlets through as a wrong answer.
SHARED_NGRAM, SHARED_FRACTION, SHARED_WORDS = 4, 0.5, 8
#: The same speaker's quotes in another base that hold this share of a passage's content stems
#: (and at least two of them) make it shared: it catches what two outlets alter differently.
SAME_SPEAKER_STEMS = 0.4
#: A passage cannot be single-source while a sentence of another base holds this share of its
#: content stems (all of them, for two or fewer): that base may report it in other words.
ELSEWHERE_STEMS = 0.5
#: A sentence holding this share of a passage's content stems, and at least three, may restate it:
#: a tracer may call its copies paraphrases, which the generator cannot confirm, so they are
#: unscored. Lower values hide more of a tracer's false paraphrases; higher ones punish true ones.
RESTATE_STEMS, RESTATE_MIN = 0.6, 3
#: Stems found in more than this share of all sentences are left out of both comparisons, as a
#: tracer's document-frequency cap leaves them out of its index.
RESTATE_MAX_DF = 0.01

#: With annotated answers, chance that a derived article names a speaker by surname alone where its
#: base gives the full name (``Sen. Ada Marsh said`` → ``Sen. Marsh said``), as rewrites do.
RENAME = 0.4

#: The knobs above, recorded in the manifest.
KNOBS = ("ARTICLES_PER_BASE", "EDITS_PER_ARTICLE", "WITHHOLD", "DROP", "MOVE", "COPY_NARRATOR",
         "FLIP_STYLE", "UNDATED", "MAX_DELAY_DAYS", "SHARED_NGRAM", "SHARED_FRACTION", "SHARED_WORDS",
         "SAME_SPEAKER_STEMS", "ELSEWHERE_STEMS", "RESTATE_STEMS", "RESTATE_MIN", "RESTATE_MAX_DF", "RENAME")

#: Relations in the order the reports list them.
RELATIONS = ("original", "verbatim", "excerpt", "expanded", "altered", "paraphrase",
             "misattributed", "unsupported", "single-source")
#: Planted edit kinds, balanced against each other as the corpus grows.
EDIT_KINDS = ("excerpt", "altered", "expanded", "paraphrase", "misattributed", "promoted", "invented")
NAMED = ("person", "organization")

OPEN_MARKS, CLOSE_MARKS = "“\"", "”\""
