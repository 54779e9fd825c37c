"""Derived articles: a base's paragraphs, dropped, moved, edited, joined with another base's
narrator paragraphs, and rendered with every tracked span in the new offsets."""

from __future__ import annotations

import collections
import datetime
import random
import re
from dataclasses import dataclass

from quotetrace.model import Article
from quotetrace.marks import detect_marks
from quotetrace.text.words import GROUP_HEADS
from .knobs import (
    COPY_NARRATOR, DROP, EDIT_KINDS, EDITS_PER_ARTICLE, FLIP_STYLE, MAX_DELAY_DAYS, MOVE,
    UNDATED, WITHHOLD)
from .names import full_name, org_name
from .bases import Base, _iso
from .overlap import Overlap
from .edits import (
    Block, Edit, edit_altered, edit_excerpt, edit_expanded, edit_paraphrase, INSERTS,
    outside_words, Splice, SUBSTITUTES, SYNONYMS)
from .credits import edit_misattributed, edit_promoted, renames
from .invent import Coiner



def _map(splices: list[Splice], ps: int, pos: int, end_side: bool) -> int:
    """A base offset in the rebuilt paragraph; inside a splice, the splice's edge."""
    shift = 0
    for sp in splices:
        if sp.end <= pos:
            shift += len(sp.text) - (sp.end - sp.start)
        elif sp.start < pos:
            return sp.start - ps + shift + (len(sp.text) if end_side else 0)
    return pos - ps + shift


def render_block(block: Block, track: dict[str, tuple[int, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The block's text, and offsets in it of every splice span and every tracked base span."""
    if block.base is None:
        return block.text, dict(block.spans)
    text = block.base.text
    ps, pe = block.base.paras[block.para]
    splices = sorted(block.splices, key=lambda sp: sp.start)
    out, cur, size, spans = [], ps, 0, {}
    for sp in splices:
        out += [text[cur:sp.start], sp.text]
        size += sp.start - cur
        for tag, (a, b) in sp.spans.items():
            spans[tag] = (size + a, size + b)
        size += len(sp.text)
        cur = sp.end
    out.append(text[cur:pe])
    for tag, (s, e) in track.items():
        a, b = _map(splices, ps, s, False), _map(splices, ps, e, True)
        if a < b:
            spans[tag] = (a, b)
    return "".join(out), spans


def flip_style(text: str, to: str) -> str:
    """Curly double marks to straight or back, one character for one, so every offset stays."""
    # double marks only: a single mark and an apostrophe look alike once straight
    if to == "straight":
        return text.translate({ord("“"): '"', ord("”"): '"'})
    return _STRAIGHT.sub(lambda m: "“" if m.start() == 0 or text[m.start() - 1].isspace()
                         or text[m.start() - 1] in "([{—–" else "”", text)


_STRAIGHT = re.compile('"')


#: Outlets of the derived articles: invented names, so no real outlet is credited with an edit.
OUTLETS = ("The Daily Ledger", "Capitol Wire", "Morning Dispatch", "Riverside Courier",
           "The National Bulletin", "Frontline Digest", "Metro Herald", "The Evening Sentinel",
           "Civic Report", "Northern Gazette")


@dataclass
class Derived:
    """A derived article and what its family needs to answer for it."""

    article: Article
    occurrences: list[dict]
    unscored: list[dict]
    indirect: dict[int, tuple[int, int]]      # reported speech of the base it carries, by quote
    reported: dict[str, tuple[int, int]]      # promotable clauses it carries unchanged
    promoted: dict[str, tuple[int, int]]      # clauses it turned into quotes: the new quote's span
    sources: list[tuple[str, str]]
    edits: list[str]


class Generator:
    """Derived articles of one base after another, the edit kinds balanced across the corpus."""

    def __init__(self, bases: list[Base], overlap: Overlap, seed: int, rename: bool = False):
        self.bases = bases
        self.seed = seed
        self.rename = rename  # name speakers by surname alone now and then (annotated answers)
        self.tally: collections.Counter = collections.Counter({k: 0 for k in EDIT_KINDS})
        self.coiner = Coiner(overlap.vocab | {w for ws in SUBSTITUTES.values() for w in ws}
                             | set(SYNONYMS.values()) | set(INSERTS))
        self.pools = self._pools()
        self.copyable = [b for b in bases if b.narrator]

    def _pools(self) -> dict[str, list[str]]:
        """Full names the bases credit, to hand a quote to someone real. Not the credits of a
        base's first paragraph, its headline: a title-case headline credits roles ("Retired
        General Reveals …", "Popular Website Shows …"), and a rewrite does not hand a quote to a
        role written as a name; nor a group typed as a person ("Hispanic Republicans", "Asian
        Americans")."""
        pools: dict[str, set[str]] = {"person": set(), "organization": set()}
        for b in self.bases:
            headline_end = b.paras[0][1] if b.paras else 0
            for q in b.quotes:
                spk = q.speaker
                if not spk or spk.type not in pools or spk.start < headline_end:
                    continue
                if spk.type == "person" and spk.name.split()[-1].lower() in GROUP_HEADS:
                    continue
                if full_name(spk.name) if spk.type == "person" else org_name(spk.name):
                    pools[spk.type].add(spk.name)
        return {k: sorted(v) for k, v in pools.items()}

    def rng(self, key: str) -> random.Random:
        # a generator per article: one family's choices never shift another's
        return random.Random(f"{self.seed}|{key}")

    def withheld(self, base: Base) -> set[int]:
        """Quote-bearing paragraphs no derived article carries, so some base quotes stay alone."""
        rng = self.rng(base.id + "|withheld")
        holding = sorted({p.para for p in base.passages if p.scored})
        return {i for i in holding if i and i not in base.anchor_paras and rng.random() < WITHHOLD}

    def candidates(self, base: Base) -> dict[str, list]:
        """What each kind of edit may work on in this base. The checks that do not depend on
        chance run once here, not once for every derived article."""
        named = [p for p in base.passages if p.scored and p.editable]
        quotes = sorted({p.quote for p in named})
        probe = random.Random(0)
        return {
            "excerpt": [p for p in named if len(p.words) >= 6],
            "altered": [p for p in named if len(p.words) >= 4],
            "expanded": [p for p in named if any(outside_words(base, p))],
            "paraphrase": [p for p in named if edit_paraphrase(base, p, probe)],
            "misattributed": [qi for qi in quotes if edit_misattributed(base, qi, probe, self.pools)],
            "promoted": [r for r in base.reported if edit_promoted(base, r, probe)],
            "invented": [None] if base.persons else [],
        }

    def family(self, base: Base, n_derived: int) -> list[Derived]:
        withheld = self.withheld(base)
        cands = self.candidates(base)
        promoted: set[str] = set()  # a clause promoted twice would support itself
        return [self.derive(base, f"{base.id}~d{k}", withheld, cands, promoted)
                for k in range(1, n_derived + 1)]

    def derive(self, base: Base, did: str, withheld: set[int], cands: dict[str, list],
               promoted: set[str]) -> Derived:
        rng = self.rng(did)
        n_paras = len(base.paras)
        kept = [i for i in range(n_paras) if i not in withheld]
        droppable = [i for i in kept if i and i not in base.anchor_paras]
        if droppable and rng.random() < DROP:
            for i in rng.sample(droppable, min(len(droppable), rng.randint(1, 2))):
                kept.remove(i)
        edits = self.choose_edits(base, set(kept), cands, promoted, rng)
        # paragraphs go in only where no "he said" would change hands
        gaps = [g for g in range(1, n_paras + 1) if g not in base.blocked]
        inserts: list[tuple[int, Block]] = []
        sources = [(base.id, "base")]
        edited = {e.para for e in edits}
        movable = [i for i in kept if i in base.narrator and i not in edited]
        if movable and rng.random() < MOVE:
            m = rng.choice(movable)
            targets = [g for g in gaps if g not in (m, m + 1)]
            if targets:
                kept.remove(m)
                inserts.append((rng.choice(targets), Block(base, m)))
        # a derived article copies only from articles published no later than its base, so that it
        # can be dated after every article it draws on
        others = [b for b in self.copyable if b is not base
                  and (_iso(b.article.date) or datetime.date.min) <= (_iso(base.article.date) or datetime.date.max)]
        if others and gaps and rng.random() < COPY_NARRATOR:
            second = rng.choice(others)
            for para in rng.sample(second.narrator, min(len(second.narrator), rng.randint(1, 2))):
                inserts.append((rng.choice(gaps), Block(second, para)))
            sources.append((second.id, "narrator"))
        for e in edits:
            if e.block is not None:
                inserts.append((rng.choice(gaps) if gaps else n_paras, e.block))
        return self.assemble(base, did, kept, inserts, edits, sources, rng)

    def choose_edits(self, base: Base, kept: set[int], cands: dict[str, list], promoted: set[str],
                     rng: random.Random) -> list[Edit]:
        """A handful of edits, the kind planted least so far first, on distinct quotes and text."""
        queues = {k: rng.sample(v, len(v)) for k, v in cands.items()}
        edits: list[Edit] = []
        want = rng.randint(*EDITS_PER_ARTICLE)
        while len(edits) < want:
            made = None
            for kind in sorted(EDIT_KINDS, key=lambda k: (self.tally[k], rng.random())):
                made = self._next_edit(base, kind, queues[kind], edits, kept, promoted, rng)
                if made:
                    break
            if not made:
                break
            edits.append(made)
            self.tally[made.kind] += 1
            if made.reported:
                promoted.add(made.reported)
        return edits

    def _next_edit(self, base: Base, kind: str, queue: list, edits: list[Edit], kept: set[int],
                   promoted: set[str], rng: random.Random) -> Edit | None:
        for _ in range(4):
            if not queue:
                return None
            target = queue.pop()
            if kind == "invented":
                return self.invent(base, rng)
            edit = self.build_edit(base, kind, target, rng)
            if edit and self.fits(edit, edits, kept, promoted):
                return edit
        return None

    def build_edit(self, base: Base, kind: str, target, rng: random.Random) -> Edit | None:
        if kind == "misattributed":
            return edit_misattributed(base, target, rng, self.pools)
        build = {"excerpt": edit_excerpt, "altered": edit_altered, "expanded": edit_expanded,
                 "paraphrase": edit_paraphrase, "promoted": edit_promoted}[kind]
        return build(base, target, rng)

    @staticmethod
    def fits(edit: Edit, edits: list[Edit], kept: set[int], promoted: set[str]) -> bool:
        if edit.para not in kept or (edit.reported and edit.reported in promoted):
            return False
        for other in edits:
            if other.block is not None:
                continue
            if edit.passages & other.passages or edit.quotes & other.quotes:
                return False
            (a, b), (c, d) = edit.region, other.region
            if a < d and c < b:
                return False
        return True

    def invent(self, base: Base, rng: random.Random) -> Edit:
        name = rng.choice(base.persons)
        words = self.coiner.sentence(rng)
        o, c = ("“", "”") if base.style == "curly" else ('"', '"')
        block = Block(None, text=f"{o}{words},{c} {name} said.", spans={"invented": (1, 2 + len(words))})
        occ = {"tag": "invented", "relation": "single-source", "family": None, "source": None,
               "speaker": name, "given_to": None, "edit": "invented a quote"}
        return Edit("invented", -1, [], set(), set(), [occ], block=block)

    def assemble(self, base: Base, did: str, kept: list[int], inserts: list[tuple[int, Block]],
                 edits: list[Edit], sources: list[tuple[str, str]], rng: random.Random) -> Derived:
        date = self.derived_date(base, rng)
        blocks = {i: Block(base, i) for i in kept}
        for e in edits:
            if e.block is None:
                blocks[e.para].splices += e.splices
        if self.rename:
            for sp in renames(base, set(blocks), [e.region for e in edits if e.block is None],
                              self.rng(did + "|names")):
                blocks[base.para_of(sp.start)].splices.append(sp)
        if base.date_line and 0 in blocks:
            word, at, end = base.date_line
            blocks[0].splices.append(Splice(at, at + 10, date) if date else Splice(word, end, ""))
        order: list[Block] = []
        for i in range(len(base.paras) + 1):
            order += [b for g, b in inserts if g == i]
            if i in blocks:
                order.append(blocks[i])
        # passages an edit rewrites are not carried; a misattributed one is, under a new label
        changed = {k for e in edits for k in e.passages if k not in e.relabel}
        text, spans = self.render(base, order, changed)
        # an article that mixes straight and curly marks would pair them wrongly once flipped
        flipped = rng.random() < FLIP_STYLE and base.mono_style
        if flipped:
            text = flip_style(text, "straight" if base.style == "curly" else "curly")
        article = Article(id=did, text=text, date=date, outlet=rng.choice(OUTLETS))
        return self.collect(base, article, spans, edits, sources, flipped)

    def derived_date(self, base: Base, rng: random.Random) -> str | None:
        if rng.random() < UNDATED:
            return None
        return (_iso(base.article.date) + datetime.timedelta(days=rng.randint(1, MAX_DELAY_DAYS))).isoformat()

    @staticmethod
    def render(base: Base, order: list[Block], changed: set[str]) -> tuple[str, dict[str, tuple[int, int]]]:
        """Join the blocks; every tracked span in offsets of the derived article."""
        texts, spans, offset = [], {}, 0
        for block in order:
            track: dict[str, tuple[int, int]] = {}
            b = block.base
            if b is not None:
                own, risky = b.tracked(block.para)
                if b is base:
                    track.update({k: v for k, v in own.items() if k not in changed})
                track.update(risky)
            text, local = render_block(block, track)
            spans.update({tag: (offset + a, offset + z) for tag, (a, z) in local.items()})
            texts.append(text)
            offset += len(text) + len(base.sep)
        tail = "\n" if base.text.endswith("\n") else ""
        return base.sep.join(texts) + tail, spans

    @staticmethod
    def collect(base: Base, article: Article, spans: dict[str, tuple[int, int]], edits: list[Edit],
                sources: list[tuple[str, str]], flipped: bool) -> Derived:
        """The occurrences a derived article carries: its passages, changed or not, and new ones."""
        occurrences, unscored = [], []
        relabel = {k: v for e in edits for k, v in e.relabel.items()}
        carried = "carried" + (" (quotation-mark style changed)" if flipped else "")
        for p in base.passages:
            if p.key not in spans:
                continue
            s, e = spans[p.key]
            if not p.scored:
                unscored.append(_unscored(article, s, e, p.reason, p.key))
                continue
            label = relabel.get(p.key, {"relation": "verbatim", "given_to": None, "edit": carried})
            occurrences.append(_occurrence(article, s, e, family=p.key, source=p.key,
                                           speaker=p.speaker, **label))
        for e in edits:
            for occ in e.new:
                s, z = spans[occ["tag"]]
                fields = {k: v for k, v in occ.items() if k != "tag"}
                if e.kind == "invented":
                    fields["family"] = fields["source"] = f"{article.id}/i1"
                occurrences.append(_occurrence(article, s, z, **fields))
        for tag, (s, e) in spans.items():
            if tag.startswith("risky/"):
                unscored.append(_unscored(article, s, e, "narrator text that may restate a quote", None))
        # a passage in marks that no answer covers is one the extractor gives to no one (a title,
        # a scare quote, a headline): whether a tracer should link it is not known here
        answered = sorted((a["start"], a["end"]) for a in occurrences + unscored)
        for m in detect_marks(article.text):
            for piece in m.pieces:
                if not any(a < piece.end and piece.start < b for a, b in answered):
                    unscored.append(_unscored(article, piece.start, piece.end,
                                              "a passage in marks that its article gives to no one", None))
        touched = [e.region for e in edits]
        reported = {r.key: spans[r.key] for r in base.reported if r.key in spans
                    and not any(a < r.end and r.start < b for a, b in touched)}
        indirect = {int(t.split("/")[1]): v for t, v in spans.items() if t.startswith("indirect/")}
        promoted = {e.reported: spans[e.new[0]["tag"]] for e in edits if e.reported}
        return Derived(article, occurrences, unscored, indirect, reported, promoted, sources,
                       [e.kind for e in edits])


def _occurrence(article: Article, start: int, end: int, *, relation: str, family: str,
                source: str | None, speaker: str | None, given_to: str | None, edit: str) -> dict:
    # "source" holds a family key until the family is complete; complete_family resolves it
    return {"kind": "occurrence", "article": article.id, "start": start, "end": end,
            "text": article.text[start:end], "relation": relation, "family": family,
            "source": source, "speaker": speaker, "given_to": given_to, "edit": edit}


def _unscored(article: Article, s: int, e: int, reason: str | None, family: str | None) -> dict:
    return {"kind": "unscored", "article": article.id, "start": s, "end": e,
            "text": article.text[s:e], "reason": reason, "family": family}
