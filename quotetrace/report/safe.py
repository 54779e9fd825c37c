"""Text from articles made safe to show: nothing in an article may drive the terminal or the
page that shows it.

Scraped news carries escape sequences (ESC, CSI and OSC: a window title, a clipboard write),
other control characters, bidirectional overrides (U+202E turns what follows around until it
is closed, so a quote can read as something else) and lone surrogates (half an emoji cut by a
scraper, which no UTF-8 stream can hold). Human-facing formats (the text report, the table,
the HTML page) show each such character as a visible escape such as ``\\x1b`` or ``\\u202e``, and
a lone surrogate as U+FFFD; JSON keeps the exact text (:func:`json_text`).
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring, encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any, TextIO

import regex

from ..text.surrogates import SURROGATE_RE, has_surrogate

# C0 controls but tab and newline, DEL, C1 controls, the bidi embeddings, overrides and
# isolates; the marks LRM/RLM/ALM open nothing and stay.
_UNSAFE_RE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: regex.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutral(text: str) -> str:
    """``text`` with control and bidi characters shown as escapes and lone surrogates as U+FFFD.

    >>> neutral("Ortiz\\x1b]0;pwned\\x07 said \\u202eevil")
    'Ortiz\\\\x1b]0;pwned\\\\x07 said \\\\u202eevil'
    """
    text = text.replace("\r\n", "\n")
    text = _UNSAFE_RE.sub(_escape, text)
    return SURROGATE_RE.sub("\ufffd", text)


class NeutralWriter:
    """A text stream that writes everything through :func:`neutral` to ``out``."""

    def __init__(self, out: TextIO):
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(neutral(text))

    def flush(self) -> None:
        self.out.flush()


def json_text(obj: Any, **kwargs: Any) -> str:
    """``obj`` as JSON, non-ASCII characters as they are; when a string holds a lone surrogate,
    the whole document uses ``\\u`` escapes so it can be written as UTF-8 and still reads back
    to the exact text.

    >>> json_text({"text": "win,\\ud83d"})
    '{"text": "win,\\\\ud83d"}'
    """
    if set(kwargs) == {"indent"} and type(kwargs["indent"]) is int:
        out = indented(obj, kwargs["indent"], ascii=False)
        return indented(obj, kwargs["indent"], ascii=True) if has_surrogate(out) else out
    out = json.dumps(obj, ensure_ascii=False, **kwargs)
    if has_surrogate(out):
        out = json.dumps(obj, ensure_ascii=True, **kwargs)
    return out


class _Unusual(Exception):
    """A value :func:`indented` leaves to :mod:`json`."""


def indented(obj: Any, indent: int, ascii: bool = False) -> str:
    """``json.dumps(obj, indent=indent, ensure_ascii=ascii)``, the same characters, about three
    times as fast: with an indent, :mod:`json` encodes in Python, one generator per value, and
    was most of the time of writing a large trace. Dicts (with string keys), lists, tuples,
    strings, integers, finite floats, booleans and None are encoded here, their strings by
    :mod:`json`'s C escaper; anything else hands the whole value to :mod:`json`."""
    enc = encode_basestring_ascii if ascii else encode_basestring
    step = " " * indent
    parts: list[str] = []
    add = parts.append
    leaf = {str: enc, int: int.__repr__, bool: lambda b: "true" if b else "false", type(None): lambda _: "null"}

    def walk(o: Any, pad: str) -> None:
        t = type(o)
        f = leaf.get(t)
        if f is not None:
            add(f(o))
        elif t is float and math.isfinite(o):
            add(float.__repr__(o))
        elif t is dict:
            if not o:
                add("{}")
                return
            inner = pad + step
            lead = "{\n" + inner
            for k, v in o.items():
                if type(k) is not str:
                    raise _Unusual
                f = leaf.get(type(v))
                if f is not None:  # most values: no call of walk's own
                    add(lead + enc(k) + ": " + f(v))
                else:
                    add(lead + enc(k) + ": ")
                    walk(v, inner)
                lead = ",\n" + inner
            add("\n" + pad + "}")
        elif t is list or t is tuple:
            if not o:
                add("[]")
                return
            inner = pad + step
            lead = "[\n" + inner
            for v in o:
                f = leaf.get(type(v))
                if f is not None:
                    add(lead + f(v))
                else:
                    add(lead)
                    walk(v, inner)
                lead = ",\n" + inner
            add("\n" + pad + "]")
        else:
            raise _Unusual

    try:
        walk(obj, "")
    except (_Unusual, RecursionError):
        return json.dumps(obj, ensure_ascii=ascii, indent=indent)
    return "".join(parts)
