"""Quotation marks, by kind: the one list every step reads (detection, the cue rules, sentence
boundaries, assembly, scoring).

Notes:
    English news uses curly double marks with single marks inside; wire copy and pasted text use
    straight marks, which say nothing of their direction; quotes translated or copied from
    European outlets keep guillemets (« », ‹ ›) and low-9 marks („ ‚) and the reversed high-9
    mark (‟) some fonts substitute for an opening mark.
"""

from __future__ import annotations

#: Straight marks open and close alike: the text around them says which.
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
#: Marks whose glyph says which way they face.
DOUBLE_OPENING = "“„‟«"
DOUBLE_CLOSING = "”»"
SINGLE_OPENING = "‘‚‹"
SINGLE_CLOSING = "’›"

#: Every mark that can open a quotation, every mark that can close one, and both.
OPENING = frozenset(STRAIGHT_DOUBLE + STRAIGHT_SINGLE + DOUBLE_OPENING + SINGLE_OPENING)
CLOSING = frozenset(STRAIGHT_DOUBLE + STRAIGHT_SINGLE + DOUBLE_CLOSING + SINGLE_CLOSING)
QUOTATION_MARKS = OPENING | CLOSING


def char_class(marks: frozenset[str] | str, extra: str = "") -> str:
    """A regular-expression character class of ``marks`` and ``extra``, in a stable order."""
    chars = "".join(sorted(set(marks) | set(extra)))
    return "[" + "".join("\\" + c if c in "\\]^-[" else c for c in chars) + "]"
