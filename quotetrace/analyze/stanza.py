"""The stanza analyzer: tokens, POS, lemmas, dependencies and entities from a real ``stanza.Pipeline``.

stanza and torch are imported when the first text is analysed, never at ``import quotetrace``.
The text goes to stanza in batches of whole paragraphs, joined by blank lines (stanza's own
paragraph break, so no sentence runs from one paragraph into the next), and every offset stanza
reports is mapped back to the original text and checked against it.
"""

from __future__ import annotations

from typing import Any

from ..errors import ModelError
from ..model import Span
from ..text.layout import paragraphs, sentences
from .base import Analysis, Entity, Sentence, Token
from .models import PROCESSORS, default_model_dir, fix_hint, import_stanza, missing_files

# OntoNotes (official English NER), CoNLL and Universal NER labels -> ours. Nationalities and
# religious or political groups (NORP) are MISC, as in CoNLL-2003: "Russian officials" names no
# organisation. Numbers, dates and amounts are not names and are dropped.
_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
           "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
           "LANGUAGE": "MISC", "PRODUCT": "MISC"}
_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

# stanza's paragraph break: tokens and sentences never cross it
_JOIN = "\n\n"


class StanzaAnalyzer:
    """Full syntax from stanza; slower than ``rules`` by two orders of magnitude."""

    name = "stanza"
    provides = frozenset({"paragraphs", "sentences", "tokens", "pos", "lemma", "deps", "entities"})
    #: characters fed to stanza at a time; bounds memory on megabyte-sized articles
    batch_chars = 5000

    def __init__(self, model_dir: str | None = None, lang: str = "en", processors: str = PROCESSORS):
        self.model_dir = model_dir or default_model_dir()
        self.lang = lang
        self.processors = processors
        self._pipeline: Any = None

    def _error(self, problem: str) -> ModelError:
        return ModelError(f"{problem}; {fix_hint(self.model_dir, self.lang)}")

    def pipeline(self) -> Any:
        """The stanza pipeline, built on first use and kept."""
        if self._pipeline is not None:
            return self._pipeline
        missing = missing_files(self.model_dir, self.lang, self.processors)
        if missing:
            raise self._error(f"the stanza {self.lang!r} models are not in {self.model_dir} "
                              f"(missing {', '.join(missing)})")
        stanza = import_stanza()
        try:
            # stanza logs a load failure before raising it; the ModelError below says it once
            self._pipeline = stanza.Pipeline(self.lang, dir=self.model_dir, download_method=None,
                                             processors=self.processors, use_gpu=False,
                                             logging_level="CRITICAL")
        except Exception as exc:  # torch and pickle raise EOFError, RuntimeError, KeyError, …
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            raise self._error(f"the stanza {self.lang!r} models in {self.model_dir} could not be "
                              f"loaded ({detail}; a file may be truncated or from another stanza "
                              f"version)") from None
        return self._pipeline

    def analyze(self, text: str) -> Analysis:
        nlp = self.pipeline()
        paras = paragraphs(text)
        tokens: list[Token] = []
        sents: list[Sentence] = []
        ents: list[Entity] = []
        for pieces in _batches(text, paras, self.batch_chars):
            joined, starts = _join(text, pieces)
            doc = nlp(joined)
            _collect(doc, text, joined, starts, pieces, tokens, sents, ents)
        return Analysis(text=text, analyzer=self.name, paragraphs=tuple(paras), sentences=tuple(sents),
                        tokens=tuple(tokens), entities=tuple(ents), provides=self.provides)


def _pieces(text: str, para: Span, limit: int) -> list[Span]:
    """A paragraph, cut at sentence ends (or failing that at white space) when longer than ``limit``."""
    if len(para) <= limit:
        return [para]
    out: list[Span] = []
    for sent in sentences(text, para):
        start = sent.start
        while sent.end - start > limit:
            cut = text.rfind(" ", start + 1, start + limit)
            cut = cut if cut > start else start + limit
            out.append(Span(start, cut))
            start = cut
            while start < sent.end and text[start].isspace():
                start += 1
        if start < sent.end:
            out.append(Span(start, sent.end))
    return out


def _batches(text: str, paras: list[Span], limit: int) -> list[list[Span]]:
    """Consecutive pieces of text, about ``limit`` characters a batch."""
    batches: list[list[Span]] = []
    size = limit
    for para in paras:
        for piece in _pieces(text, para, limit):
            if size + len(piece) > limit:
                batches.append([])
                size = 0
            batches[-1].append(piece)
            size += len(piece) + len(_JOIN)
    return batches


def _join(text: str, pieces: list[Span]) -> tuple[str, list[int]]:
    """The pieces joined by paragraph breaks, and where each piece starts in the joined string."""
    starts, at = [], 0
    for p in pieces:
        starts.append(at)
        at += len(p) + len(_JOIN)
    return _JOIN.join(p.of(text) for p in pieces), starts


class _Mapper:
    """Turns stanza's offsets in the joined batch into checked offsets in the original text."""

    def __init__(self, text: str, joined: str, starts: list[int], pieces: list[Span]):
        self.text, self.joined, self.starts, self.pieces = text, joined, starts, pieces
        self.cursor = pieces[0].start if pieces else 0  # never place a token before the last one

    def _piece_at(self, joined_pos: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= joined_pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def place(self, form: str, start: int | None, end: int | None) -> tuple[int, int]:
        """Where a token of stanza's ``form`` with stanza offsets ``start``/``end`` is in the text."""
        text, cursor = self.text, self.cursor
        if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(self.joined):
            k = self._piece_at(start)
            piece = self.pieces[k]
            s = piece.start + start - self.starts[k]
            e = min(piece.start + end - self.starts[k], piece.end)
            if s >= cursor and s < e and _same(text[s:e], form):
                return self._take(s, e)
        # Offsets absent or drifted (stanza normalises some characters): find the form itself.
        if form:
            found = text.find(form, cursor, cursor + len(form) + 200)
            if found >= 0:
                return self._take(found, found + len(form))
        while cursor < len(text) and text[cursor].isspace():
            cursor += 1
        end_ = cursor
        while end_ < len(text) and end_ - cursor < max(len(form), 1) and not text[end_].isspace():
            end_ += 1
        return self._take(cursor, end_)

    def _take(self, s: int, e: int) -> tuple[int, int]:
        self.cursor = e
        return s, e


def _same(written: str, form: str) -> bool:
    """Whether stanza's token ``form`` is the ``written`` text, allowing for its normalisations."""
    if written == form or len(written) == len(form):  # same length: quote or dash normalised
        return True
    return "".join(written.split()) == "".join(form.split())


def _split_token(text: str, span: tuple[int, int], forms: list[str]) -> list[tuple[int, int]]:
    """Offsets of the words of a multi-word token (``don't`` -> do + n't) inside its span."""
    s, e = span
    out, at = [], s
    low = text[s:e].lower()
    for i, form in enumerate(forms):
        found = low.find(form.lower(), at - s) if form else -1
        if found >= 0:
            ws, we = s + found, s + found + len(form)
        else:  # an expansion that is not spelled out in the text (won't -> will + not)
            ws, we = at, (e if i == len(forms) - 1 else at)
        out.append((ws, we))
        at = we
    return out


def _collect(doc: Any, text: str, joined: str, starts: list[int], pieces: list[Span],
             tokens: list[Token], sents: list[Sentence], ents: list[Entity]) -> None:
    """Append the words, sentences and entities of one stanza document."""
    mapper = _Mapper(text, joined, starts, pieces)
    placed: dict[int, tuple[int, int]] = {}  # id(stanza token) -> offsets in the text
    for sent in doc.sentences:
        first = len(tokens)
        words: list[tuple[Any, int, int]] = []
        for tok in sent.tokens:
            span = mapper.place(tok.text, tok.start_char, tok.end_char)
            placed[id(tok)] = span
            tok_words = list(tok.words)
            if len(tok_words) == 1:
                words.append((tok_words[0], *span))
            else:
                for w, (ws, we) in zip(tok_words, _split_token(text, span, [w.text for w in tok_words])):
                    words.append((w, ws, we))
        if not words:
            continue
        local = {w.id: first + i for i, (w, _, _) in enumerate(words)}
        for w, s, e in words:
            head = local.get(w.head) if w.head else None
            tokens.append(Token(start=s, end=e, text=text[s:e], upos=w.upos, lemma=w.lemma,
                                head=head, deprel=w.deprel))
        sents.append(Sentence(start=tokens[first].start, end=max(t.end for t in tokens[first:]),
                              first_token=first, last_token=len(tokens)))
    for ent in getattr(doc, "ents", ()):
        label = (ent.type or "").upper()
        if label in _NOT_NAMES:
            continue
        spans = [placed[id(t)] for t in ent.tokens if id(t) in placed]
        if spans:
            s, e = spans[0][0], spans[-1][1]
            if s < e:
                ents.append(Entity(start=s, end=e, label=_LABELS.get(label, "MISC")))
