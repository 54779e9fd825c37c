"""The trace as a report a fact-checker reads top to bottom, with no knowledge of the code.

Order: unsupported quotes with their evidence; altered, expanded and misattributed copies with
the changed words marked; every speaker's families and the articles that carry each; the
quotes only one article carries; which articles draw on which; the articles that failed.

Changed words are marked in the copy as ``[-left out-]`` and ``{+added+}`` (the convention of
GNU wdiff), and listed beneath with their grade.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Sequence
from typing import TextIO

from ..model import Change, Family, Misattribution, Occurrence, Trace

_WIDTH = 100
#: Each relation in words a reader without the vocabulary understands (the HTML report uses them too).
RELATION_WORDS = {
    "original": "original",
    "verbatim": "word for word",
    "excerpt": "cut (an excerpt)",
    "expanded": "expanded with the narrator's words",
    "altered": "altered",
    "paraphrase": "paraphrased, without quotation marks",
    "misattributed": "given to another speaker",
    "unsupported": "unsupported",
    "single-source": "single source",
}
#: Where words stand, in words.
ROLE_WORDS = {"quote": "quote", "reported-speech": "reported speech", "narrator": "narrator's text"}


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=_WIDTH, initial_indent=indent,
                         subsequent_indent=indent + "  ", break_long_words=False, break_on_hyphens=False)


def marked_text(occurrence: Occurrence, article_text: str) -> str:
    """The occurrence's words with its changes marked in place: ``[-old-]{+new+}``."""
    changes = sorted((c for c in occurrence.diff if c.start is not None), key=lambda c: (c.start, c.end))
    parts = []
    for span in occurrence.pieces:
        pos = span.start
        out = []
        for c in changes:
            if c.start < span.start or c.start > span.end:  # type: ignore[operator]
                continue
            out.append(article_text[pos:c.start])
            if c.op == "delete":
                out.append(f" [-{c.original}-] ")  # a point between words: keep them apart
            else:
                out.append(f"[-{c.original}-]" if c.original else "")
                out.append(f"{{+{c.changed}+}}")
            pos = max(pos, c.end)  # type: ignore[type-var]
        out.append(article_text[pos:span.end])
        parts.append(" ".join("".join(out).split()))
    return " … ".join(parts)


def change_line(c: Change) -> str:
    """One change as a sentence, its grade first: ``critical: added “not”``."""
    return f"{c.grade}: {change_words(c)}"


def change_words(c: Change) -> str:
    """What one change did, in words: ``added “not”``, ``“to freeze” became “freezing”``."""
    if c.op == "insert":
        what = f"added “{c.changed}”"
    elif c.op == "delete":
        what = f"left out “{c.original}”"
    else:
        what = f"“{c.original}” became “{c.changed}”"
    if c.source == "narrator":
        what += ", taken from the original article's own words outside its quotation marks"
    return what


class _Report:
    def __init__(self, tr: Trace, texts: dict[str, str]):
        self.tr = tr
        self.texts = texts
        self.dates = {a.id: a.date for a in tr.articles}

    def where(self, article: str) -> str:
        date = self.dates.get(article)
        return f"{article} ({date})" if date else article

    def quoted(self, o: Occurrence) -> str:
        text = marked_text(o, self.texts[o.article]) if o.article in self.texts and o.diff else o.text
        return f"“{text}”" if o.role == "quote" else text

    def unsupported(self, f: Family, out: list[str]) -> None:
        o = f.original
        out.append(_wrap(f"[{f.id}] {f.speaker or 'unknown speaker'}, in {self.where(o.article)}:", "  "))
        out.append(_wrap(f"“{o.text}”", "    "))
        out.append("    No other article puts these words in quotation marks. Found elsewhere only as:")
        for e in sorted(o.evidence, key=lambda e: (e.role != "reported-speech", e.article, e.start)):
            who = f", {e.speaker}" if e.role == "reported-speech" and e.speaker else ""
            out.append(_wrap(f"{e.article} ({ROLE_WORDS[e.role]}{who}): {e.text}", "      "))
        out.append("")

    def changed(self, f: Family, o: Occurrence, out: list[str]) -> None:
        orig = f.original
        head = f"[{f.id}] {f.speaker or 'unknown speaker'}: {RELATION_WORDS[o.relation]} in {self.where(o.article)}"
        out.append(_wrap(head, "  "))
        out.append(_wrap(f"original, {self.where(orig.article)}: “{orig.text}”", "    "))
        if o.relation == "misattributed":
            out.append(_wrap(f"here, credited to {o.speaker or 'someone else'}: {self.quoted(o)}", "    "))
            if o.misattribution is not None:
                out.append(_wrap(misattribution_line(o.misattribution), "      "))
        else:
            out.append(_wrap(f"here: {self.quoted(o)}", "    "))
        for c in o.diff:
            if c.grade != "trivial" or o.relation == "expanded":
                out.append(_wrap(change_line(c), "      "))
        out.append("")

    def family(self, f: Family, out: list[str]) -> None:
        o = f.original
        if len(f.occurrences) == 1:
            out.append(_wrap(f"[{f.id}] “{o.text}” — {RELATION_WORDS[o.relation]}: only in {self.where(o.article)}", "  "))
            return
        out.append(_wrap(f"[{f.id}] “{o.text}”", "  "))
        for x in f.occurrences:
            label = RELATION_WORDS[x.relation]
            line = f"{self.where(x.article)}: {label}"
            if x.relation != "original" and x is not o:
                if x.role != "quote":
                    line += f" ({ROLE_WORDS[x.role]}): {x.text}"
                elif x.diff and x.relation != "verbatim":
                    line += f": {self.quoted(x)}"
                if x.speaker and x.speaker != f.speaker:
                    line += f" — credited to {x.speaker}"
            out.append(_wrap(line, "      "))


def write_trace_text(tr: Trace, out: TextIO, texts: dict[str, str]) -> None:
    """The whole report (see the module docstring); ``texts`` maps article ids to their text."""
    r = _Report(tr, texts)
    lines: list[str] = []
    read = [a for a in tr.articles if not a.error]
    lines.append(f"quotetrace trace: {len(read)} articles read"
                 + (f", {len(tr.errors)} could not be" if tr.errors else "")
                 + f"; {len(tr.families)} quoted statements by {len({f.speaker for f in tr.families})} speakers.")
    lines.append("")
    unsupported = [f for f in tr.families if f.status == "unsupported"]
    lines.append(f"UNSUPPORTED QUOTES ({len(unsupported)}): in quotation marks in one article, found "
                 "elsewhere only without them")
    lines.append("")
    for f in unsupported:
        r.unsupported(f, lines)
    if not unsupported:
        lines.extend(["  none", ""])
    changed = [(f, o) for f in tr.families for o in f.occurrences[1:]
               if o.relation in ("altered", "misattributed", "expanded")]
    changed.sort(key=lambda fo: ({"misattributed": 0, "altered": 1, "expanded": 2}[fo[1].relation], fo[0].id))
    lines.append(f"CHANGED QUOTES ({len(changed)}): words or speaker differ from the original")
    lines.append("")
    for f, o in changed:
        r.changed(f, o, lines)
    if not changed:
        lines.extend(["  none", ""])
    by_speaker: dict[str, list[Family]] = defaultdict(list)
    for f in tr.families:
        by_speaker[f.speaker or "unknown speaker"].append(f)
    aliases = {s.name: s for s in tr.speakers}
    lines.append("QUOTES BY SPEAKER")
    for name in sorted(by_speaker, key=lambda n: (-len(by_speaker[n]), n.casefold())):
        ident = aliases.get(name)
        extra = f" ({ident.type}" + (f"; also: {', '.join(ident.aliases)}" if ident.aliases else "") + ")" if ident else ""
        lines.append("")
        lines.append(f"{name}{extra}")
        for f in by_speaker[name]:
            r.family(f, lines)
    lines.append("")
    lines.append(f"WHICH ARTICLES DRAW ON WHICH ({len(tr.derivations)})")
    for d in tr.derivations:
        lines.append(_wrap(f"{d.article} draws on {d.source}: {d.shared_quotes} shared quotes, "
                           f"{d.shared_sentences} shared sentences (score {d.score:.2f})", "  "))
    if not tr.derivations:
        lines.append("  none")
    if tr.errors:
        lines.append("")
        lines.append(f"ARTICLES NOT TRACED ({len(tr.errors)})")
        for a in tr.errors:
            lines.append(_wrap(f"{a.error}", "  "))
    notes = [a for a in tr.articles if a.note]
    if notes:
        lines.append("")
        lines.append("NOTES")
        for a in notes:
            lines.append(_wrap(f"{a.id}: {a.note}", "  "))
    lines.append("")
    lines.append("Key: [-words-] left out, {+words+} added. Grades: trivial (case, punctuation, spelling), "
                 "substantive (content words), critical (negation, numbers, modality, the subject).")
    out.write("\n".join(lines) + "\n")


def write_check_text(check: object, out: TextIO, texts: dict[str, str]) -> None:
    """For each quote of a checked article, its relation to the set, its changes and evidence."""
    from ..tracing import Check  # the report layer sits above tracing

    assert isinstance(check, Check)
    r = _Report(check.trace, texts)
    lines = [f"quotetrace check: {check.article.id} against {check.others} articles", ""]
    if not check.items:
        lines.append("  No quotation in this article.")
    for item in check.items:
        o, f = item.occurrence, item.family
        who = o.speaker or f.speaker or "unknown speaker"
        lines.append(_wrap(f"[{f.id}] {who}: {r.quoted(o)}", "  "))
        if o is f.original:
            verdict = {"single-source": "no article of the set carries it in any form",
                       "unsupported": "the set carries these words only without quotation marks",
                       "original": "the earliest of the set's occurrences"}[o.relation]
            lines.append(_wrap(f"{RELATION_WORDS[o.relation]}: {verdict}", "      "))
            for e in o.evidence:
                lines.append(_wrap(f"{e.article} ({ROLE_WORDS[e.role]}): {e.text}", "        "))
        else:
            lines.append(_wrap(f"{RELATION_WORDS[o.relation]}; original in {r.where(f.original.article)}: "
                               f"“{f.original.text}”" + (f" — credited to {f.speaker}" if o.relation == "misattributed" else ""),
                               "      "))
            for c in o.diff:
                if c.grade != "trivial":
                    lines.append(_wrap(change_line(c), "        "))
        lines.append("")
    out.write("\n".join(lines) + "\n")


__all__: Sequence[str] = ("RELATION_WORDS", "ROLE_WORDS", "change_line", "change_words", "marked_text", "write_check_text",
                          "write_trace_text")


def misattribution_line(m: Misattribution) -> str:
    """``the original (a) names “Mayor Jane Doe” (Jane Doe); this article “Tom Roe” (Tom Roe):
    different surnames (Doe, Roe)``."""
    def who(mention: str | None, name: str | None) -> str:
        return f"“{mention}” ({name})" if mention else (name or "no one")
    return (f"why: the original ({m.original_article}) names {who(m.original_mention, m.original_speaker)}; "
            f"this article {who(m.mention, m.speaker)}: {m.reason}")
