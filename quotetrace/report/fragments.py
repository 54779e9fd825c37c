"""HTML pieces of the report: a quote, an extraction, an occurrence beside its original, a family,
a trace. The page (:mod:`.page`) and the rich displays of a notebook (``_repr_html_``) are built
from these same pieces, so what a notebook shows is what the report shows.

Every character that comes from an article (its text, id, path, speaker names, the words of a
diff, error messages) goes through :func:`esc` and nothing else: ``<script>`` in a quote is
shown as text, never parsed. No piece makes a link from article data except an article's
``url`` when it is ``http``/``https``.

Changed words are marked like the text report's ``[-left out-]{+added+}``, as ``<del>`` in the
original and ``<ins>`` in the copy, with a caret (``‸``) where words were left out or added; the
grade is a class (``qt-trivial``, ``qt-substantive``, ``qt-critical``) and the change in words
is the mark's ``title``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import attrs
import regex

from ..model import GRADES, Article, Change, Extraction, Family, Occurrence, Quote, Trace
from ..tracing.words import is_content, words
from .text import RELATION_WORDS, ROLE_WORDS, change_line, change_words
from .safe import neutral

#: families a notebook shows before it says how many more the page holds
NOTEBOOK_FAMILIES = 50
#: the article text an extraction's notebook view marks its quotes in, at most (a bigger
#: article would flood the cell)
NOTEBOOK_TEXT = 20_000
#: characters of the original article shown either side of an expanded quote's marks
_CONTEXT = 80
#: words of one change listed beneath a copy, at most
_CHANGE_WORDS = 120

# Scoped to .quotetrace so a notebook's own styles and these never touch each other;
# translucent colours read on a light and a dark background alike.
STYLE = """
.quotetrace{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:72rem}
.quotetrace .qt-family{border:1px solid rgba(128,128,128,.35);border-radius:6px;margin:.5rem 0;padding:.25rem .75rem}
.quotetrace .qt-family>summary{cursor:pointer;padding:.25rem 0}
.quotetrace .qt-fid{font-family:ui-monospace,monospace;opacity:.7}
.quotetrace .qt-speaker{font-weight:600}
.quotetrace .qt-badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:12px;
 background:rgba(128,128,128,.18);white-space:nowrap}
.quotetrace .qt-rel-unsupported,.quotetrace .qt-rel-misattributed{background:rgba(220,38,38,.22)}
.quotetrace .qt-rel-altered{background:rgba(234,88,12,.22)}
.quotetrace .qt-rel-expanded{background:rgba(217,119,6,.2)}
.quotetrace .qt-rel-verbatim,.quotetrace .qt-rel-excerpt{background:rgba(22,163,74,.18)}
.quotetrace .qt-rel-paraphrase{background:rgba(124,58,237,.18)}
.quotetrace .qt-rel-original{background:rgba(37,99,235,.18)}
.quotetrace .qt-occ{border-top:1px dashed rgba(128,128,128,.3);padding:.35rem 0}
.quotetrace .qt-meta{font-size:12px;opacity:.85}
.quotetrace .qt-sbs{display:grid;grid-template-columns:1fr 1fr;gap:.75rem;margin:.25rem 0}
.quotetrace .qt-side{background:rgba(128,128,128,.07);border-radius:4px;padding:.3rem .5rem}
.quotetrace .qt-label{font-size:11px;letter-spacing:.02em;opacity:.7}
.quotetrace .qt-text{margin:.15rem 0}
.quotetrace .qt-original>.qt-text{max-height:9em;overflow:auto}
.quotetrace .qt-side>.qt-text{max-height:18em;overflow:auto}
.quotetrace .qt-context{opacity:.6}
.quotetrace ins,.quotetrace del,.quotetrace .qt-gap{text-decoration:none;border-radius:2px;padding:0 1px}
.quotetrace .qt-trivial{border-bottom:1px dotted currentColor}
.quotetrace .qt-substantive{background:rgba(245,158,11,.35)}
.quotetrace .qt-critical{background:rgba(220,38,38,.35);font-weight:600;border-bottom:2px solid rgb(220,38,38)}
.quotetrace del.qt-substantive,.quotetrace del.qt-critical{text-decoration:line-through}
.quotetrace .qt-gap{font-weight:700;color:rgb(220,38,38);margin:0 .15em}
.quotetrace .qt-family[open]>summary .qt-said{display:none}
.quotetrace .qt-shared{border-bottom:2px solid rgba(124,58,237,.7)}
.quotetrace .qt-narrator{background:rgba(217,119,6,.3)}
.quotetrace .qt-quoted{background:rgba(37,99,235,.16)}
.quotetrace .qt-content{background:rgba(128,128,128,.12)}
.quotetrace .qt-changes,.quotetrace .qt-evidence ul{margin:.2rem 0 .2rem 1.2rem;padding:0;font-size:13px}
.quotetrace .qt-evidence{border-left:3px solid rgba(220,38,38,.6);padding:.1rem .6rem;margin:.3rem 0}
.quotetrace .qt-evidence p{margin:.1rem 0;font-weight:600}
.quotetrace .qt-checked{outline:2px solid rgba(37,99,235,.6);outline-offset:2px}
.quotetrace table{border-collapse:collapse;font-size:13px}
.quotetrace th,.quotetrace td{text-align:left;vertical-align:top;padding:.15rem .5rem;
 border-bottom:1px solid rgba(128,128,128,.25)}
.quotetrace .qt-article-text{white-space:pre-wrap;max-height:24rem;overflow:auto;font-size:13px}
.quotetrace .qt-more{opacity:.8;font-style:italic}
"""

_GRADE_ORDER = {g: k for k, g in enumerate(GRADES)}
# where a changed copy stands in the report: the worst first
_CHANGED = {"misattributed": 0, "altered": 1, "expanded": 2}
_SAFE_URL = regex.compile(r"https?://", regex.IGNORECASE)


def esc(value: object) -> str:
    """Text as HTML: ``& < > " '`` escaped, control and bidi characters shown as escapes
    (:func:`.safe.neutral`), None as nothing."""
    return "" if value is None else html.escape(neutral(str(value)), quote=True)


def attr(name: str, value: object) -> str:
    """An HTML attribute with a leading space, its value escaped."""
    return f' {name}="{esc(value)}"'


def badge(relation: str) -> str:
    """The relation as a coloured label, in words (``word for word``), its name in the title."""
    return (f'<span class="qt-badge qt-rel-{esc(relation)}"{attr("title", relation)}>'
            f"{esc(RELATION_WORDS.get(relation, relation))}</span>")


def speaker_key(name: str | None) -> str:
    """The value filters use for a speaker; ``-`` stands for none."""
    return name or "-"


# ---------------------------------------------------------------------------------------------
# Marking words inside a passage


class _Mark(NamedTuple):
    start: int
    end: int
    tag: str  # ins, del, span
    cls: str
    title: str


def _pieces(o: Occurrence, text: str | None) -> list[tuple[int, str]] | None:
    """The occurrence's pieces as (offset, words): from the article text when it is known, else
    cut from the occurrence's own text (its pieces joined by one space); None if neither fits."""
    spans = o.pieces
    if text is not None and spans[-1].end <= len(text):
        return [(s.start, text[s.start:s.end]) for s in spans]
    if sum(len(s) for s in spans) + len(spans) - 1 == len(o.text):
        out, pos = [], 0
        for s in spans:
            out.append((s.start, o.text[pos:pos + len(s)]))
            pos += len(s) + 1
        return out
    return None


def _render(start: int, piece: str, marks: Sequence[_Mark]) -> str:
    """``piece`` (which begins at offset ``start``) as HTML with the marks that fall inside it."""
    out, pos, end = [], start, start + len(piece)
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        # words that run on past a split quote's piece are marked in each piece they touch
        a, b = max(m.start, start), min(m.end, end)
        if a < pos or a > end or (m.start < m.end and a >= b):
            continue  # overlaps a mark already drawn, or lies in another piece
        out.append(esc(piece[pos - start:a - start]))
        if m.start == m.end:  # a point between words: something left out or added here
            out.append(f'<span class="qt-gap {m.cls}"{attr("title", m.title)}>‸</span>')
        else:
            out.append(f'<{m.tag} class="{m.cls}"{attr("title", m.title)}>'
                       f"{esc(piece[a - start:b - start])}</{m.tag}>")
        pos = b
    out.append(esc(piece[pos - start:]))
    return "".join(out)


def _passage(o: Occurrence, text: str | None, marks: Sequence[_Mark], *, quote_marks: bool = True) -> str:
    pieces = _pieces(o, text)
    if pieces is None:
        body = esc(o.text)
    else:
        body = ' <span class="qt-sep">…</span> '.join(_render(s, p, marks) for s, p in pieces)
    if quote_marks and o.role == "quote":
        body = f"“{body}”"
    return f'<div class="qt-text">{body}</div>'


def _grade_class(c: Change) -> str:
    return f"qt-{c.grade}"


def _copy_marks(o: Occurrence) -> list[_Mark]:
    """Each change where it stands in the copy: the words it added or changed, a caret where words
    were left out."""
    out = []
    for c in o.diff:
        if c.start is None or c.end is None:
            continue
        tag = "ins" if c.changed else "span"
        out.append(_Mark(c.start, c.end if c.changed else c.start, tag, _grade_class(c), change_line(c)))
    return out


def _original_marks(o: Occurrence) -> list[_Mark]:
    """Each change of copy ``o`` where it stands in the original: the words it left out or
    replaced, a caret where it added words."""
    out = []
    for c in o.diff:
        if c.original_start is None or c.original_end is None:
            continue
        tag = "del" if c.original else "span"
        end = c.original_end if c.original else c.original_start
        out.append(_Mark(c.original_start, end, tag, _grade_class(c), change_line(c)))
    return out


def _shared_marks(text: str, other: str) -> list[_Mark]:
    """The content words of ``text`` that ``other`` holds too, folded and stemmed as tracing
    compares them: why a paraphrase or a piece of evidence belongs with a quote."""
    theirs = {s for s in words(other).stems if is_content(s)}
    mine = words(text)
    return [_Mark(a, b, "span", "qt-shared", "these words are in both")
            for s, a, b in zip(mine.stems, mine.starts, mine.ends) if is_content(s) and s in theirs]


def _with_context(o: Occurrence, text: str, copy: Occurrence) -> str:
    """An original with its article's words either side of the marks, the words a copy pulled
    inside its marks from there highlighted: where an ``expanded`` quote's extra words came from."""
    start, end = o.start, o.end
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo = max(lo, start - _CONTEXT)
    hi = min(hi, end + _CONTEXT)
    while lo > 0 and lo < start and not text[lo - 1].isspace():
        lo += 1  # start at a word
    while hi < len(text) and hi > end and not text[hi].isspace():
        hi -= 1
    before, after = text[lo:start], text[end:hi]
    narrator_before: list[_Mark] = []
    narrator_after: list[_Mark] = []
    for c in copy.diff:
        if c.source != "narrator" or not c.changed:
            continue
        pattern = regex.compile(r"(?<!\w)" + regex.escape(c.changed) + r"(?!\w)", regex.IGNORECASE)
        if c.original_start == start:
            found = list(pattern.finditer(before))
            if found:
                m = found[-1]
                narrator_before.append(_Mark(lo + m.start(), lo + m.end(), "span", "qt-narrator",
                                             "the narrator's words in the original article"))
        else:
            m2 = pattern.search(after)
            if m2:
                narrator_after.append(_Mark(end + m2.start(), end + m2.end(), "span", "qt-narrator",
                                            "the narrator's words in the original article"))
    lead = "… " if lo > 0 and text[lo - 1] != "\n" else ""
    tail = " …" if hi < len(text) and text[hi] != "\n" else ""
    return (f'<div class="qt-text"><span class="qt-context">{lead}{_render(lo, before, narrator_before)}</span>'
            f"{_render(start, text[start:end], _original_marks(copy))}"
            f'<span class="qt-context">{_render(end, after, narrator_after)}{tail}</span></div>')


# ---------------------------------------------------------------------------------------------
# Occurrences and families


class Where:
    """Article dates and texts, as far as the caller knows them."""

    def __init__(self, texts: dict[str, str] | None = None, dates: dict[str, str | None] | None = None,
                 checked: str | None = None):
        self.texts = texts or {}
        self.dates = dates or {}
        self.checked = checked

    @classmethod
    def of(cls, tr: Trace, checked: str | None = None) -> Where:
        """The texts and dates of a trace's articles."""
        return cls(tr.texts, {a.id: a.date for a in tr.articles}, checked=checked)

    def article(self, article: str) -> str:
        date = self.dates.get(article)
        return esc(article) + (f" ({esc(date)})" if date else "")

    def text(self, article: str) -> str | None:
        return self.texts.get(article)


def _evidence(o: Occurrence, where: Where) -> str:
    items = []
    for e in sorted(o.evidence, key=lambda e: (e.role != "reported-speech", e.article, e.start)):
        who = f", {esc(e.speaker)}" if e.role == "reported-speech" and e.speaker else ""
        items.append(f'<li data-article="{esc(e.article)}"><span class="qt-meta">{where.article(e.article)} '
                     f"({esc(ROLE_WORDS.get(e.role, e.role))}{who}):</span> "
                     f"{_render(0, e.text, _shared_marks(e.text, o.text))}</li>")
    return ('<div class="qt-evidence"><p>No other article puts these words in quotation marks. '
            f"Found elsewhere only as:</p><ul>{''.join(items)}</ul></div>")


def _clip(words_: str) -> str:
    return words_ if len(words_) <= _CHANGE_WORDS else words_[:_CHANGE_WORDS - 1].rstrip() + "…"


def _changes(o: Occurrence) -> str:
    """The changes as a list beneath the two sides, each with its grade; the words of a long
    change are cut short here (the marks above show them all)."""
    if not o.diff:
        return ""
    items = []
    for c in o.diff:
        said = change_words(attrs.evolve(c, original=_clip(c.original), changed=_clip(c.changed)))
        items.append(f'<li><span class="qt-badge {_grade_class(c)}">{esc(c.grade)}</span> '
                     f"{esc(said)}</li>")  # the grade is the badge
    return f'<ul class="qt-changes">{"".join(items)}</ul>'


def _occ_attrs(o: Occurrence, f: Family, where: Where, original: bool) -> str:
    cls = "qt-occ qt-original" if original else "qt-occ"
    if where.checked is not None and o.article == where.checked:
        cls += " qt-checked"
    return (f'<div class="{cls}"{attr("data-article", o.article)}{attr("data-relation", o.relation)}'
            f'{attr("data-speaker", speaker_key(o.speaker or f.speaker))}>')


def _meta(o: Occurrence, f: Family, where: Where) -> str:
    parts = [badge(o.relation), f"in {where.article(o.article)}"]
    if o.role != "quote":
        parts.append(esc(ROLE_WORDS.get(o.role, o.role)))
    if o.speaker and o.speaker != f.speaker:
        parts.append(f"credited to <span class=\"qt-speaker\">{esc(o.speaker)}</span>")
    if where.checked is not None and o.article == where.checked:
        parts.append('<span class="qt-badge">the checked article</span>')
    if o.quote:
        parts.append(f'<span class="qt-fid">{esc(o.quote)}</span>')
    return f'<div class="qt-meta">{" · ".join(parts)}</div>'


def original_html(f: Family, where: Where) -> str:
    """A family's original: its relation, article and words, and the evidence when unsupported."""
    o = f.original
    evidence = _evidence(o, where) if o.evidence else ""
    return (f"{_occ_attrs(o, f, where, True)}{_meta(o, f, where)}"
            f"{_passage(o, where.text(o.article), ())}{evidence}</div>")


def copy_html(f: Family, o: Occurrence, where: Where) -> str:
    """An occurrence beside its original, the changed words marked and graded on both sides."""
    orig = f.original
    orig_text, text = where.text(orig.article), where.text(o.article)
    if o.role != "quote":  # words without marks: show what they share with the original
        left = _render_shared(orig, o.text)
        right = _render_shared(o, orig.text)
    else:
        if o.relation == "expanded" and orig_text is not None and len(orig.pieces) == 1:
            left = _with_context(orig, orig_text, o)
        else:
            left = _passage(orig, orig_text, _original_marks(o))
        right = _passage(o, text, _copy_marks(o))
    here = "here" if not (o.speaker and o.speaker != f.speaker) else f"here, credited to {esc(o.speaker)}"
    return (f"{_occ_attrs(o, f, where, False)}{_meta(o, f, where)}"
            f'<div class="qt-sbs"><div class="qt-side"><div class="qt-label">original, '
            f"{where.article(orig.article)}</div>{left}</div>"
            f'<div class="qt-side"><div class="qt-label">{here}, {where.article(o.article)}</div>{right}</div></div>'
            f"{_changes(o)}{_why(o)}{_evidence(o, where) if o.evidence else ''}</div>")


def _why(o: Occurrence) -> str:
    """A misattributed copy's explanation: both speakers as named, and why they differ."""
    m = o.misattribution
    if m is None:
        return ""

    def who(mention: str | None, name: str | None) -> str:
        return f"“{esc(mention)}” ({esc(name or '')})" if mention else esc(name or "no one")
    return (f'<div class="qt-meta qt-why">why: the original ({esc(m.original_article)}) names '
            f"{who(m.original_mention, m.original_speaker)}; this article {who(m.mention, m.speaker)}: "
            f"{esc(m.reason)}</div>")


def _render_shared(o: Occurrence, other: str) -> str:
    body = _render(0, o.text, _shared_marks(o.text, other))
    return f'<div class="qt-text">{"“" + body + "”" if o.role == "quote" else body}</div>'


def family_summary(f: Family) -> str:
    o = f.original
    articles = len({x.article for x in f.occurrences})
    count = (f"{len(f.occurrences)} occurrences in {articles} articles" if len(f.occurrences) > 1
             else "one occurrence")
    text = o.text if len(o.text) <= 140 else o.text[:139] + "…"
    return (f'<summary><span class="qt-fid">{esc(f.id)}</span> '
            f'<span class="qt-speaker">{esc(f.speaker or "unknown speaker")}</span> {badge(f.status)} '
            f'<span class="qt-meta">{count}</span><span class="qt-said"><br>“{esc(text)}”</span></summary>')


def family_html(f: Family, where: Where, *, opened: bool = True) -> str:
    """A family: its original (with the evidence if unsupported), then each other occurrence
    beside the original. A ``<details>`` element, so a long report folds without scripts."""
    data = attr("id", f.id) + attr("data-speaker", speaker_key(f.speaker)) + attr("data-status", f.status)
    body = [original_html(f, where)]
    body.extend(copy_html(f, o, where) for o in f.occurrences[1:])
    return (f'<details class="qt-family qt-status-{esc(f.status)}"{data}{" open" if opened else ""}>'
            f"{family_summary(f)}{''.join(body)}</details>")


class Sections(NamedTuple):
    """A trace's families in the order a reader needs them."""

    unsupported: list[Family]
    changed: list[Family]
    carried: list[Family]
    single: list[Family]


def sections(families: Iterable[Family]) -> Sections:
    """Unsupported quotes first; then those with a copy given to another speaker, altered or
    expanded (the worst change first); then the others carried by several articles; then the
    quotes one article carries alone."""
    out = Sections([], [], [], [])
    changed: list[tuple[int, int, Family]] = []
    for k, f in enumerate(families):
        worst = min((_CHANGED[o.relation] for o in f.occurrences[1:] if o.relation in _CHANGED), default=None)
        if f.status == "unsupported":
            out.unsupported.append(f)
        elif worst is not None:
            grade = max((_GRADE_ORDER[c.grade] for o in f.occurrences for c in o.diff), default=0)
            changed.append((worst * 3 - grade, k, f))
        elif len(f.occurrences) > 1:
            out.carried.append(f)
        else:
            out.single.append(f)
    out.changed.extend(f for _, _, f in sorted(changed, key=lambda t: (t[0], t[1])))
    return out


# ---------------------------------------------------------------------------------------------
# Notebook views: one object each, compact, the same pieces as the page


def _wrap(body: str) -> str:
    return f'<div class="quotetrace"><style>{STYLE}</style>{body}</div>'


def quote_view(q: Quote) -> str:
    """A quote: its kind, speaker (as resolved, and as written when that differs), cue and words."""
    sp = q.speaker
    who = (f'<span class="qt-speaker">{esc(sp.name)}</span> <span class="qt-meta">({esc(sp.type)}'
           + (f"; as written: {esc(sp.mention)}" if sp.mention != sp.name else "") + ")</span>"
           if sp else '<span class="qt-meta">no speaker</span>')
    cue = f" <i>{esc(q.cue.text)}</i>" if q.cue else ""
    marks: list[_Mark] = []
    if q.kind == "mixed" and len(q.spans) == 1 and len(q.text) == len(q.spans[0]):
        marks = [_Mark(s.start, s.end, "span", "qt-quoted", "in quotation marks") for s in q.quoted]
    words_ = _render(q.start, q.text, marks) if marks else esc(q.text)
    if q.kind == "direct":
        words_ = f"“{words_}”"
    return _wrap(f'<div class="qt-quote"><div class="qt-meta"><span class="qt-badge">{esc(q.kind)}</span> '
                 f'<span class="qt-fid">{esc(q.id)}</span> · confidence {q.confidence:.2f}</div>'
                 f'<div>{who}{cue}:</div><div class="qt-text">{words_}</div></div>')


def _article_head(a: Article) -> str:
    bits = [f'<b>{esc(a.title)}</b>' if a.title else "", esc(a.outlet), esc(a.date)]
    if a.url and _SAFE_URL.match(a.url):
        bits.append(f'<a href="{esc(a.url)}" rel="noreferrer noopener">{esc(a.url)}</a>')
    elif a.url:
        bits.append(esc(a.url))
    return " · ".join(b for b in [f'<span class="qt-fid">{esc(a.id)}</span>', *bits] if b)


def _marked_article(r: Extraction) -> str:
    text = r.article.text
    marks = []
    for q in r.quotes:
        inner = list(q.quoted)
        for s in q.spans:
            # the content, with its passages in quotation marks drawn darker
            pos = s.start
            for p in (p for p in inner if s.start <= p.start and p.end <= s.end):
                if p.start > pos:
                    marks.append(_Mark(pos, p.start, "span", "qt-content", q.id))
                marks.append(_Mark(p.start, p.end, "span", "qt-quoted", q.id))
                pos = p.end
            if pos < s.end:
                marks.append(_Mark(pos, s.end, "span", "qt-content", q.id))
    return f'<div class="qt-article-text">{_render(0, text, marks)}</div>'


def extraction_view(r: Extraction) -> str:
    """An extraction: the article, a row per quote, and the article text with its quotes marked."""
    head = f"<div>{_article_head(r.article)}</div>"
    if r.error:
        return _wrap(f'{head}<div class="qt-evidence"><p>{esc(r.error)}</p></div>')
    rows = "".join(f'<tr><td class="qt-fid">{esc(q.id.rsplit(":", 1)[-1])}</td><td>{esc(q.kind)}</td>'
                   f"<td>{esc(q.speaker.name if q.speaker else '')}</td><td>{esc(q.cue.text if q.cue else '')}</td>"
                   f"<td>{esc(q.text)}</td></tr>" for q in r.quotes)
    n = len(r.quotes)
    table = (f"<table><tr><th>#</th><th>kind</th><th>speaker</th><th>cue</th><th>words</th></tr>{rows}</table>"
             if n else "<p>No quotation found.</p>")
    if len(r.article.text) <= NOTEBOOK_TEXT and n:
        text = (f"<details><summary>the article, its quotes marked (content lighter, words in quotation "
                f"marks darker)</summary>{_marked_article(r)}</details>")
    else:
        text = ""
    return _wrap(f'{head}<div class="qt-meta">{n} quote{"" if n == 1 else "s"}</div>{table}{text}')


def occurrence_view(o: Occurrence) -> str:
    """An occurrence alone: its relation, article and words with its changes marked (the original,
    which would show the other side, belongs to the family)."""
    f = Family(id="", speaker=o.speaker, occurrences=(o,))
    where = Where()
    evidence = _evidence(o, where) if o.evidence else ""
    return _wrap(f"{_occ_attrs(o, f, where, False)}{_meta(o, f, where)}{_passage(o, None, _copy_marks(o))}"
                 f"{_changes(o)}{evidence}</div>")


def family_view(f: Family, texts: dict[str, str] | None = None) -> str:
    """A family alone, as the report shows it (article dates need the trace; the words come from
    each occurrence when the article texts are not at hand)."""
    return _wrap(family_html(f, Where(texts)))


def summary(tr: Trace) -> str:
    """One line: what the trace holds."""
    read = sum(1 for a in tr.articles if not a.error)
    secs = sections(tr.families)
    speakers = len({f.speaker for f in tr.families})
    parts = [f"{read} article{'' if read == 1 else 's'} read"]
    if tr.errors:
        parts.append(f"{len(tr.errors)} could not be")
    parts.append(f"{len(tr.families)} quoted statement{'' if len(tr.families) == 1 else 's'} "
                 f"by {speakers} speaker{'' if speakers == 1 else 's'}")
    parts.append(f"{len(secs.unsupported)} unsupported")
    parts.append(f"{len(secs.changed)} with changed copies")
    return " · ".join(parts)


def trace_view(tr: Trace) -> str:
    """A trace in a notebook: the summary, then each family folded to one line, unsupported and
    changed ones open, at most :data:`NOTEBOOK_FAMILIES` of them."""
    where = Where.of(tr)
    secs = sections(tr.families)
    ordered = [*secs.unsupported, *secs.changed, *secs.carried, *secs.single]
    shown = ordered[:NOTEBOOK_FAMILIES]
    opened = {id(f) for f in (*secs.unsupported, *secs.changed)}
    body = "".join(family_html(f, where, opened=id(f) in opened) for f in shown)
    more = ""
    if len(ordered) > len(shown):
        more = (f'<p class="qt-more">… and {len(ordered) - len(shown)} more families: '
                "quotetrace.report.html(trace) writes the whole report as one page.</p>")
    return _wrap(f'<div class="qt-meta">{esc(summary(tr))}</div>{body}{more}')


def check_families(check: Any) -> list[Family]:
    """The families a check's passages take part in, each once, in the order first met."""
    return list({id(item.family): item.family for item in check.items}.values())


def check_view(check: Any) -> str:
    """A check in a notebook: each family the checked article takes part in, opened."""
    tr = check.trace
    where = Where.of(tr)
    seen = check_families(check)
    head = (f"{check.article.id}: {len(check.items)} passage{'' if len(check.items) == 1 else 's'} "
            f"checked against {check.others} articles")
    body = "".join(family_html(f, where, opened=True) for f in seen) or "<p>No quotation in this article.</p>"
    return _wrap(f'<div class="qt-meta">{esc(head)}</div>{body}')
