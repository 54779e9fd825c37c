"""A family's answers (original, single-source, each derived occurrence's relation), and
the check of the answers against the extractor (``--verify``)."""

from __future__ import annotations

import collections

import quotetrace
from quotetrace.model import Article
from .words import surname
from .bases import Base
from .derivation import Derived, _occurrence, _unscored



def complete_family(base: Base, derived: list[Derived]) -> list[dict]:
    """Answers for a base and its derived articles, now that all of them are known: whether a base
    quote is the original or stands alone, and where promoted speech is paraphrased."""
    carried = collections.Counter(o["family"] for d in derived for o in d.occurrences)
    promoted = {key: (d.article.id, s, e) for d in derived for key, (s, e) in d.promoted.items()}
    # where each family's original is: the base passage, or for promoted speech the unsupported
    # quote (its only quotation); an unsupported quote's own source is the speech it was made from
    where = {p.key: (base.id, p.start, p.end) for p in base.passages} | promoted
    evidence = {r.key: (base.id, r.start, r.end) for r in base.reported}
    out = _ordered(_base_answers(base, carried, promoted), where, evidence)
    promoted_quotes = {r.quote for r in base.reported if r.key in promoted}
    speakers = {r.key: r.speaker for r in base.reported}
    for d in derived:
        answers = list(d.occurrences) + list(d.unscored)
        for key, (s, e) in d.reported.items():
            if key in promoted and promoted[key][0] != d.article.id:
                answers.append(_occurrence(d.article, s, e, relation="paraphrase", family=key,
                                           source=key, speaker=speakers[key], given_to=None,
                                           edit="carried the reported speech a sibling promoted"))
        for qi, (s, e) in d.indirect.items():
            if qi not in promoted_quotes:
                answers.append(_unscored(d.article, s, e, "reported speech: whether it restates "
                                         "a quote is not known", None))
        out += _ordered(answers, where, evidence)
        out += [{"kind": "derivation", "article": d.article.id, "source": src, "via": via}
                for src, via in d.sources]
    return out


def _base_answers(base: Base, carried: collections.Counter, promoted: dict) -> list[dict]:
    art, answers = base.article, []
    for p in base.passages:
        if not p.scored:
            answers.append(_unscored(art, p.start, p.end, p.reason, p.key))
        elif carried[p.key]:
            answers.append(_occurrence(art, p.start, p.end, relation="original", family=p.key,
                                       source=p.key, speaker=p.speaker, given_to=None, edit="base"))
        elif p.single_source_ok:
            answers.append(_occurrence(art, p.start, p.end, relation="single-source", family=p.key,
                                       source=p.key, speaker=p.speaker, given_to=None,
                                       edit="base; no derived article carries it"))
        else:
            answers.append(_unscored(art, p.start, p.end, "no derived article carries it, and "
                                     "another base may report it in other words", p.key))
    for r in base.reported:
        if r.key in promoted:
            answers.append(_occurrence(art, r.start, r.end, relation="paraphrase", family=r.key,
                                       source=r.key, speaker=r.speaker, given_to=None,
                                       edit="base; the reported speech a derived article promoted"))
    return answers


def _ordered(answers: list[dict], where: dict[str, tuple[str, int, int]],
             evidence: dict[str, tuple[str, int, int]]) -> list[dict]:
    """Answers in text order, each occurrence's source key turned into the source's place."""
    out = []
    for a in sorted(answers, key=lambda a: (a["start"], a["end"], a["kind"])):
        if a["kind"] == "occurrence":
            key = a["source"]
            src = (evidence if a["relation"] == "unsupported" else where).get(key) if key else None
            src = src or (a["article"], a["start"], a["end"])
            a = {**a, "source_article": src[0], "source_start": src[1], "source_end": src[2]}
            a = {k: a[k] for k in ANSWER_FIELDS}
        out.append(a)
    return out


#: The fields of an occurrence answer, in the order they are written.
ANSWER_FIELDS = ("kind", "article", "start", "end", "text", "relation", "family", "source_article",
                 "source_start", "source_end", "speaker", "given_to", "edit")


# --- checking the answers against the extractor ----------------------------------------------------


def _dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * common / ((a[1] - a[0]) + (b[1] - b[0]) or 1)


def verify(articles: list[Article], answers: list[dict]) -> list[dict]:
    """Occurrence answers in derived articles that the project's extractor does not see as they are
    written: a quoted passage it does not find (Dice < 0.8), or finds under another speaker
    (surnames differ). A tracer built on the extractor cannot get these right; slow, one extract()
    per derived article."""
    derived = {a["article"] for a in answers if a["kind"] == "derivation"}
    by_article = collections.defaultdict(list)
    for a in answers:
        if a["kind"] == "occurrence" and a["article"] in derived and a["relation"] != "paraphrase":
            by_article[a["article"]].append(a)
    problems = []
    for art in articles:
        if art.id not in by_article:
            continue
        found = [(span, q) for q in quotetrace.extract(art) for span in q.quoted]
        for a in by_article[art.id]:
            best = max(found, key=lambda f: _dice((f[0].start, f[0].end), (a["start"], a["end"])),
                       default=None)
            if best is None or _dice((best[0].start, best[0].end), (a["start"], a["end"])) < 0.8:
                problems.append({**_brief(a), "problem": "no quoted passage found"})
                continue
            want = surname(a["given_to"] or a["speaker"])
            got = surname(best[1].speaker.name if best[1].speaker else None)
            if want and (got or "").lower() != want.lower():
                problems.append({**_brief(a), "problem": f"speaker {got!r}, answer {want!r}"})
    return problems


def _brief(a: dict) -> dict:
    return {k: a[k] for k in ("article", "start", "end", "text", "relation")}


def set_aside(answers: list[dict], problems: list[dict]) -> list[dict]:
    """The answers with each one the extractor cannot see turned into an unscored region, and with
    it the paraphrases of an unsupported quote it cannot see: a tracer built on the extractor has
    no family for them."""
    why = {(p["article"], p["start"], p["end"]): p["problem"] for p in problems}
    gone = {a["family"] for a in answers if a["kind"] == "occurrence" and a["relation"] == "unsupported"
            and (a["article"], a["start"], a["end"]) in why}
    out = []
    for a in answers:
        key = (a.get("article"), a.get("start"), a.get("end"))
        if a["kind"] == "occurrence" and (key in why or a["family"] in gone):
            # the detail of each case is in the manifest's "verify" list
            a = {"kind": "unscored", "article": a["article"], "start": a["start"], "end": a["end"],
                 "text": a["text"], "reason": "the extractor does not see it as written",
                 "family": a["family"]}
        out.append(a)
    return out
