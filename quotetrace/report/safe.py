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
    out = json.dumps(obj, ensure_ascii=False, **kwargs)
    if has_surrogate(out):
        out = json.dumps(obj, ensure_ascii=True, **kwargs)
    return out
