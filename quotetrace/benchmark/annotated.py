"""Quotes as people annotated them, for ``--answers annotated``: the quotes, their kinds and their
speakers come from the bases' own annotations, not from the extractor, so the answers measure
extraction and tracing together.

Two sources are read: a JSONL base file whose lines carry ``quotes`` (PolNeAR's form: content
``spans``, ``kind``, the speaker's mention with ``speaker_start``/``speaker_end``, the cue), and a
gold file in the seeds' form (``direct_quotes`` and ``reported_speech`` by text, with ``speakers``
listing each speaker's mentions). Annotations give the mention as written (``he``, ``Mr. Marsh``);
the name it stands for is worked out here from the article's own words, and left to the mention
itself when nothing settles it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs

from quotetrace.model import Article, Cue, Quote, Span, Speaker

from .names import _NAME_WORD, NOT_A_NAME

#: Pronouns that stand for the speaker of an earlier annotated statement.
PRONOUNS = frozenset("he she him her his hers".split())
#: Relative pronouns, which stand for the name just before them (``Marsh, who said``).
RELATIVES = frozenset("who whom whose".split())
#: Words of a title or role before a name (``Sen. Ada Marsh``, ``Foreign Minister Marsh``).
TITLES = frozenset("""
mr mrs ms dr sen rep gov gen lt col prof rev president senator governor representative congressman
congresswoman secretary minister prime foreign former vice chairman chairwoman chair speaker leader
candidate nominee mayor judge justice attorney general director spokesman spokeswoman spokesperson
ambassador adviser advisor campaign manager chief executive ceo deputy state democratic republican
gop sheriff commissioner pastor reverend first lady councillor councilman councilwoman
""".split())
#: Words that make a capitalised mention an organisation's (``Marsh Institute``, ``The Post``).
ORG_WORDS = frozenset("""
news post times journal tribune herald press network committee party department campaign poll
institute university college association council agency office administration house senate
congress court union center centre foundation group fund bureau ministry service commission
board club league company corporation inc cnn nbc abc cbs fox msnbc reuters ap
""".split())

_NAME_RUN = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})*")
_MARKED = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")


def read_annotations(path: str | Path) -> dict[str, list[dict]]:
    """Annotated statements by article id, from a JSONL file of articles with ``quotes`` (PolNeAR)
    or from a gold JSON file in the seeds' form. Lines that cannot be read are skipped."""
    p = Path(path)
    if p.suffix == ".jsonl":
        out: dict[str, list[dict]] = {}
        with open(p, encoding="utf-8-sig", errors="replace") as fh:
            for line in fh:
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                art_id = obj.get("id") or obj.get("doc_id") if isinstance(obj, dict) else None
                if art_id is not None and isinstance(obj.get("quotes"), list):
                    out[str(art_id)] = [q for q in obj["quotes"] if isinstance(q, dict)]
        return out
    with open(p, encoding="utf-8") as fh:
        return _gold_records(json.load(fh))


def _gold_records(gold: dict) -> dict[str, list[dict]]:
    """The seeds' gold as text-addressed records; offsets are found in the article later."""
    out: dict[str, list[dict]] = {}
    mentions = gold.get("speakers", {})
    for group, kind in (("direct_quotes", "direct"), ("reported_speech", "indirect")):
        for level in gold.get(group, {}).values():
            for rec in level:
                text = rec.get("text") or rec.get("contains")
                if rec.get("article") and text:
                    out.setdefault(rec["article"], []).append({
                        "find": text, "kind": kind, "name": rec.get("speaker"),
                        "mentions": [rec.get("speaker")] + list(mentions.get(rec.get("speaker"), [])),
                        "cue": rec.get("cue")})
    return out


_TWO_APOSTROPHES = re.compile(r"(?<!')''(?!')")
_DOUBLE_MARKS = "“”\""


def with_double_marks(article: Article, records: list[dict]) -> tuple[Article, list[dict]]:
    """The article with each pair of apostrophes that stands for a double quotation mark
    (''Yes,'' he said: how one newspaper's archive types them) written as one straight double
    mark beside a space, every offset kept, and the kinds of the records inside such marks derived
    again. The data derives its kinds from double marks alone ("direct" when every piece is
    wrapped in them, "mixed" when the content holds some), so it reads these quotations as
    reported speech: the answers would then call a verbatim copy of one a paraphrase."""
    text = article.text
    if "''" not in text:
        return article, records
    new = _TWO_APOSTROPHES.sub(lambda m: ' "' if text[m.end():m.end() + 1].isalnum() else '" ', text)
    out = []
    for rec in records:
        spans = rec.get("spans") or ([[rec["start"], rec["end"]]] if "start" in rec and "end" in rec else None)
        try:
            pieces = [(int(a), int(b)) for a, b in spans] if spans else []
        except (TypeError, ValueError):
            pieces = []
        if rec.get("kind") == "indirect" and pieces and all(0 <= a < b <= len(text) for a, b in pieces) \
                and any("''" in text[max(0, a - 2):b + 2] for a, b in pieces):
            rec = {**rec, "kind": _kind_by_marks(new, pieces)}
        out.append(rec)
    return attrs.evolve(article, text=new), out


def _kind_by_marks(text: str, pieces: list[tuple[int, int]]) -> str:
    """The data's rule: "direct" when every piece is wrapped in double marks (inside its span or
    just outside it), "mixed" when the content holds some, else "indirect"."""
    def wrapped(a: int, b: int) -> bool:
        inner = text[a:b].strip()
        if inner[:1] in _DOUBLE_MARKS and inner[-1:] in _DOUBLE_MARKS and len(inner) > 1:
            return True
        return text[max(0, a - 3):a].rstrip()[-1:] in _DOUBLE_MARKS and text[b:b + 3].lstrip()[:1] in _DOUBLE_MARKS
    if all(wrapped(a, b) for a, b in pieces):
        return "direct"
    return "mixed" if any(ch in _DOUBLE_MARKS for a, b in pieces for ch in text[a:b]) else "indirect"


def annotated_quotes(article: Article, records: list[dict]) -> list[Quote]:
    """The article's annotated statements as quotes, in text order. A passage in marks belongs to
    one statement only (the first that holds it); a record whose offsets do not fit the text is
    left out."""
    text = article.text
    found = []
    for rec in records:
        q = _from_gold(text, rec) if "find" in rec else _from_offsets(text, rec)
        if q is not None:
            found.append(q)
    found.sort(key=lambda r: r["spans"][0])
    quotes: list[Quote] = []
    claimed: set[tuple[int, int]] = set()
    for r in found:
        quoted = [s for s in _marked(text, r["spans"], r["kind"]) if s not in claimed]
        claimed.update(quoted)
        speaker = _speaker(text, r, quotes)
        cue = Cue(text[r["cue"][0]:r["cue"][1]], *r["cue"]) if r.get("cue") else None
        kind = r["kind"] if quoted or r["kind"] == "indirect" else "indirect"
        quotes.append(Quote(id=f"{article.id}:{len(quotes)}", article=article.id, kind=kind,
                            text=text[r["spans"][0][0]:r["spans"][-1][1]],
                            spans=[Span(a, b) for a, b in r["spans"]],
                            quoted=[Span(a, b) for a, b in sorted(quoted)], cue=cue, speaker=speaker))
    return quotes


def _from_offsets(text: str, rec: dict) -> dict | None:
    try:
        spans = sorted((int(a), int(b)) for a, b in rec.get("spans") or [(rec["start"], rec["end"])])
    except (KeyError, TypeError, ValueError):
        return None
    if not spans or any(not 0 <= a < b <= len(text) for a, b in spans) \
            or any(b > c for (_, b), (c, _) in zip(spans, spans[1:])):
        return None
    kind = rec.get("kind") if rec.get("kind") in ("direct", "mixed", "indirect") else "indirect"
    mention = _pair(rec, "speaker", text)
    return {"spans": spans, "kind": kind, "mention": mention, "cue": _pair(rec, "cue", text)}


def _pair(rec: dict, key: str, text: str) -> tuple[int, int] | None:
    a, b = rec.get(f"{key}_start"), rec.get(f"{key}_end")
    if isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text):
        return a, b
    return None


def _from_gold(text: str, rec: dict) -> dict | None:
    at = text.find(rec["find"])
    if at < 0:
        return None
    spans = [(at, at + len(rec["find"]))]
    mention = _nearest_mention(text, at, [m for m in rec["mentions"] if m])
    return {"spans": spans, "kind": rec["kind"], "mention": mention, "name": rec["name"], "cue": None}


def _nearest_mention(text: str, at: int, mentions: list[str]) -> tuple[int, int] | None:
    """Where the gold's speaker is named nearest the statement, within 200 characters."""
    best = None
    for m in mentions:
        for hit in re.finditer(rf"(?<!\w){re.escape(m)}(?!\w)", text[max(0, at - 200):at + 400]):
            s = hit.start() + max(0, at - 200)
            if best is None or abs(s - at) < abs(best[0] - at):
                best = (s, s + len(m))
    return best


def _marked(text: str, spans: list[tuple[int, int]], kind: str) -> list[tuple[int, int]]:
    """Passages in double quotation marks inside (or, for a direct quote, around) the content."""
    out = []
    for a, b in spans:
        if kind == "direct" and a and text[a - 1] in "“\"":
            close = b if b < len(text) and text[b] in "”\"" else b - 1 if text[b - 1] in "”\"" else b
            out.append((a, close))
            continue
        for m in _MARKED.finditer(text, a, min(len(text), b + 1)):
            s, e = m.span(1) if m.group(1) is not None else m.span(2)
            if s < e and text[s:e].strip():
                out.append((s, e))
    return out


def _speaker(text: str, r: dict, earlier: list[Quote]) -> Speaker | None:
    if not r.get("mention"):
        return None
    s, e = r["mention"]
    mention = text[s:e]
    name, stype = r.get("name"), None
    if name is None:
        name, stype = resolve_mention(text, mention, s, earlier)
    if name is None:
        return None
    if r.get("name") is None and all(w[:1].isupper() for w in name.split()) and not name.startswith("The "):
        name = drop_common_words(name, text)
    stype = stype or guess_type(name)
    return Speaker(name=name, mention=mention, start=s, end=e, type=stype)


def resolve_mention(text: str, mention: str, at: int, earlier: list[Quote]) -> tuple[str | None, str | None]:
    """The name a mention stands for: a pronoun, the nearest earlier annotated person; a surname,
    with or without a title, the nearest full name with that surname the text gives before it
    (else the first after it); anything else, the mention itself without its leading title."""
    low = mention.lower()
    if low in RELATIVES:
        return _relative(text, at)
    if low in PRONOUNS:
        person = next((q.speaker for q in reversed(earlier)
                       if q.speaker and q.speaker.type == "person" and at - q.speaker.start < 2000), None)
        return (person.name, "person") if person else (None, None)
    if not mention[:1].isupper():
        return mention, "anonymous" if low.split()[0] in ("a", "an", "one") else "group"
    words = strip_title(re.sub(r"[’']s$", "", mention).split())
    if len(words) == 1:
        return _full_from_surname(text, words[0], at) or words[0], None
    return " ".join(words), None


def _relative(text: str, at: int) -> tuple[str | None, str | None]:
    """``Sen. Ada Marsh, who said …``: the name right before the relative pronoun."""
    m = re.search(rf"({_NAME_WORD}(?: {_NAME_WORD})*),? $", text[max(0, at - 80):at])
    if not m:
        return None, None
    words = strip_title(m.group(1).split())
    if len(words) == 1:
        return _full_from_surname(text, words[0], at) or words[0], None
    return " ".join(words), None


def strip_title(words: list[str]) -> list[str]:
    """``Foreign Minister Ada Marsh`` → ``Ada Marsh``; ``Mr. Marsh`` → ``Marsh``."""
    k = 0
    while k < len(words) - 1 and (words[k].lower().rstrip(".") in TITLES or words[k].endswith(("’s", "'s"))):
        k += 1
    return words[k:]


def _full_from_surname(text: str, last: str, at: int) -> str | None:
    """The full name a surname stands for: of the full names with that surname the text gives
    before ``at`` (else anywhere), the one it gives most often, and on a tie the nearest. A word
    that merely starts a sentence (``Asked Marsh``) is seldom repeated, so it rarely wins."""
    found: dict[str, list[int]] = {}
    # a first name and perhaps an initial (``Ada Marsh``, ``John F. Marsh``), not a title before them
    for m in re.finditer(rf"({_NAME_WORD}(?: [A-Z]\.)?) {re.escape(last)}(?!\w)", text):
        first = m.group(1).split()
        # the end of a longer run of capitals (``Washington Post Marsh``) is no first name
        longer = re.search(r"([A-Z][\w’'.-]*) $", text[max(0, m.start() - 30):m.start()])
        if longer and longer.group(1).lower().rstrip(".") in TITLES:
            longer = None
        if not longer and first[0].lower().rstrip(".") not in TITLES | NOT_A_NAME | ORG_WORDS:
            found.setdefault(" ".join(first + [last]), []).append(m.start())
    before = {n: [p for p in ps if p < at] for n, ps in found.items()}
    pool = {n: ps for n, ps in before.items() if ps} or found
    if not pool:
        return None
    return max(sorted(pool), key=lambda n: (len(found[n]), max(pool[n])))


def drop_common_words(name: str, text: str) -> str:
    """``Many Voters``, ``Activist Ada Marsh``: leading words the text also writes in lower case
    are ordinary words at the start of a sentence or a role, not part of a name."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and re.search(rf"(?<![\w’'-]){re.escape(words[k].lower())}(?![\w’'-])", text):
        k += 1
    return " ".join(words[k:])


def guess_type(name: str) -> str:
    words = name.split()
    if any(w.lower().strip(".,’'s") in ORG_WORDS for w in words) or words[0] == "The" or name.isupper():
        return "organization"
    return "person" if all(re.fullmatch(_NAME_WORD, w) for w in words) and len(words) <= 4 else "unknown"
