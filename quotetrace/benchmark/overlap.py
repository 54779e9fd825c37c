"""What the bases share: passages another base also carries, restates or may report."""

from __future__ import annotations

import collections
import math

from .knobs import (
    ELSEWHERE_STEMS, RESTATE_MAX_DF, RESTATE_MIN, RESTATE_STEMS, SAME_SPEAKER_STEMS,
    SHARED_FRACTION, SHARED_NGRAM, SHARED_WORDS)
from .words import content_stems, inside, is_content, surname, word_tokens, words_of
from .bases import Base



class Overlap:
    """Indexes over every base, to tell a passage another base also carries or restates."""

    def __init__(self, bases: list[Base]):
        self.bases = bases
        self.grams: dict[str, int] = {}
        self.quoted: dict[str, int] = {}
        self.by_speaker: dict[str, list[tuple[int, frozenset[str]]]] = collections.defaultdict(list)
        self.sentences: list[tuple[int, int, int, frozenset[str]]] = []
        self.postings: dict[str, list[int]] = collections.defaultdict(list)
        self.vocab: set[str] = set()
        for b in bases:
            self._index(b)

    @staticmethod
    def _note(table: dict[str, int], key: str, owner: int) -> None:
        # one owner, or -1 for "two bases or more": enough to ask "does another base hold it?"
        seen = table.get(key)
        if seen is None:
            table[key] = owner
        elif seen != owner:
            table[key] = -1

    def _index(self, b: Base) -> None:
        words = words_of(b.text)
        self.vocab.update(words)
        n = SHARED_NGRAM
        for j in range(len(words) - n + 1):
            self._note(self.grams, " ".join(words[j:j + n]), b.index)
        for p in b.passages:
            for k in (1, 2, 3):
                for j in range(len(p.words) - k + 1):
                    self._note(self.quoted, " ".join(p.words[j:j + k]), b.index)
        for q in b.quotes:
            last = surname(q.speaker.name if q.speaker else None)
            if last:
                self.by_speaker[last.lower()].append((b.index, content_stems(words_of(q.text))))
        starts = [s for s, _ in b.quoted]
        for _, s, e in b.sentences:
            # the narrator's words only: a passage in marks is not a restatement of itself
            toks = word_tokens(b.text, s, e)
            if any(s < qe and qs < e for qs, qe in b.quoted):
                toks = [t for t in toks if not inside(b.quoted, starts, t[0])]
            stems = content_stems([t[2] for t in toks])
            sid = len(self.sentences)
            self.sentences.append((b.index, s, e, stems))
            for st in stems:
                self.postings[st].append(sid)

    def shared(self, base: int, words: list[str], speaker: str | None) -> str | None:
        """Why another base may carry the same statement, or None."""
        if len(words) < SHARED_NGRAM:
            if self.quoted.get(" ".join(words), base) != base:
                return "another base quotes the same words"
        elif self._shared_run(base, words):
            return "another base holds a run of the same words"
        last = surname(speaker)
        if last and self._same_speaker(base, words, last.lower()):
            return "another base quotes the speaker with the same content words"
        return None

    def _shared_run(self, base: int, words: list[str]) -> bool:
        n = SHARED_NGRAM
        hits = [j for j in range(len(words) - n + 1)
                if self.grams.get(" ".join(words[j:j + n]), base) != base]
        runs: list[list[int]] = []
        for j in hits:
            if runs and runs[-1][1] == j - 1:
                runs[-1][1] = j
            else:
                runs.append([j, j])
        for a, b in runs:
            run = words[a:b + n]
            if sum(map(is_content, run)) >= 2 and (len(run) >= SHARED_WORDS
                                                   or len(run) >= SHARED_FRACTION * len(words)):
                return True
        return False

    def _same_speaker(self, base: int, words: list[str], last: str) -> bool:
        mine = content_stems(words)
        if not mine:
            return False
        for other, stems in self.by_speaker.get(last, ()):
            if other == base:
                continue
            common = len(mine & stems)
            if (len(mine) == 1 and common == 1) or (common >= 2 and common >= SAME_SPEAKER_STEMS * len(mine)):
                return True
        return False

    def restating(self, words: list[str], share: float, least: int = 1) -> list[int]:
        """Sentences (ids) whose narrator words hold ``share`` of the passage's content stems, all
        of them when it has two or fewer, and never fewer than ``least``."""
        # stems in more than RESTATE_MAX_DF of all sentences ("said", "trump") tell nothing
        cap = RESTATE_MAX_DF * len(self.sentences)
        mine = frozenset(s for s in content_stems(words) if len(self.postings.get(s, ())) <= cap)
        if len(mine) < max(1, least):
            return []
        need = len(mine) if len(mine) <= 2 else max(least, math.ceil(share * len(mine)))
        # a sentence that holds `need` stems holds one of any len-need+1 of them: ask the rarest
        rare = sorted(mine, key=lambda s: (len(self.postings.get(s, ())), s))[: len(mine) - need + 1]
        found = set()
        for st in rare:
            found.update(self.postings.get(st, ()))
        return sorted(sid for sid in found if len(self.sentences[sid][3] & mine) >= need)


def _mark_repeats(base: Base) -> None:
    """A passage whose words the same base quotes again, alone or inside a longer passage
    (``“bad angels”`` … ``“… some of the bad angels …”``): a tracer may make one family of them,
    with either as the original, so neither copy can be scored."""
    seqs = [" " + " ".join(p.words) + " " for p in base.passages]
    for i, p in enumerate(base.passages):
        if any(j != i and seqs[i] in other for j, other in enumerate(seqs)):
            p.scored, p.reason = False, "the base quotes these words again"


def mark_overlaps(bases: list[Base]) -> Overlap:
    """Leave out of the answers what the bases share naturally, rather than guess its truth."""
    index = Overlap(bases)
    for b in bases:
        _mark_repeats(b)
        for p in b.passages:
            if not p.scored:
                continue
            why = index.shared(b.index, p.words, p.speaker)
            if why:
                p.scored, p.reason = False, why
                continue
            elsewhere = index.restating(p.words, ELSEWHERE_STEMS)
            p.single_source_ok = bool(content_stems(p.words)) and \
                all(index.sentences[sid][0] == b.index for sid in elsewhere)
            # two words in a sentence restate nothing a tracer would link
            for sid in index.restating(p.words, RESTATE_STEMS, RESTATE_MIN):
                bi, s, e, _ = index.sentences[sid]
                if not (bi == b.index and s <= p.start and p.end <= e):  # not its own sentence
                    bases[bi].risky.add((s, e))
        b.reported = [r for r in b.reported if not index.shared(b.index, r.words, r.speaker)]
        # reported speech may be promoted into a quote: what restates it elsewhere is then a
        # paraphrase of that quote, which no answer names
        for r in b.reported:
            for sid in index.restating(r.words, RESTATE_STEMS, RESTATE_MIN):
                bi, s, e, _ = index.sentences[sid]
                if not (bi == b.index and s <= r.start and r.end <= e):
                    bases[bi].risky.add((s, e))
    return index
