"""Families under construction (:func:`.group.group_passages`): each family's original, its
speaker, the passages that joined it, and the indexes that propose families to a new passage.

They live in memory (:class:`Building`) until there are more than the caller allows; then they
move to a temporary SQLite file (:class:`Spilled`), which keeps the originals, the index
postings and the members on disk, with the originals most recently compared in a cache. What
grouping decides does not depend on where they live: the same postings come back in the same
order (by family number), so the same families are tried and joined. Only a family's speaker
and a few flags stay in memory: a component of any size is grouped in bounded memory, at the
cost of an SQLite lookup per passage (the Spark job's groups task, whose component can hold
nearly every article of a corpus).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections import OrderedDict, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence

from .compare import Alignment
from .units import Piece

#: the indexes (by what a passage looks families up): word n-grams, a short passage whole, a
#: (speaker, word) key of a short original and of a longer one, and the narrator words around
INDEXES = ("shingle", "whole", "short_by_speaker", "any_by_speaker", "context")


class Group:
    """A family under construction: its original and the passages that joined it, each by the
    reference it was given under (an index into a list of passages, or any other key)."""

    __slots__ = ("original", "members", "alignments", "speaker", "named", "piece", "quoted", "credited",
                 "credits", "home", "travels", "titled")

    def __init__(self, original: Hashable, speaker: str | None, piece: Piece | None = None):
        self.original = original
        self.members: list[Hashable] = [original]
        self.alignments: dict[Hashable, Alignment] = {}
        #: the speaker the family is credited to (raw name): its original's, else the first known
        self.speaker = speaker
        #: whether that speaker is named where the family's speaker was found (not a pronoun)
        self.named = False
        #: the original passage itself: grouping compares each new passage with it
        self.piece = piece
        #: whether a member is credited in its article (a family to be; else a fragment no one said)
        self.quoted = piece is not None and piece.quote is not None
        #: whether the original itself is credited to a speaker in its article
        self.credited = self.quoted and piece.speaker is not None  # type: ignore[union-attr]
        #: when the original credits no one: (article, speaker, named) of each member its article
        #: credits, in the order they joined, from which the family's speaker is chosen
        #: (:func:`.engine.family_speaker`)
        self.credits: list[tuple[Hashable, str, bool]] = []
        #: the original's article, and whether a passage of another article joined (held here, as
        #: is ``titled``: a spilled family's header lets go of its original)
        self.home = piece.article if piece is not None else None
        self.travels = False
        #: whether the original reads as a title ("The Late Show"), not as speech
        self.titled = piece is not None and piece.titled

    @property
    def kept(self) -> bool:
        """Whether the group is a family of the trace: some article credits one of its passages
        to a speaker, or, credited to no one, its words travel to another article and are not a
        title: "a reckless gamble" in marks, copied from one article to the next, is traced
        as a quotation whose speaker is unknown; "The Late Show" in marks is not."""
        return self.quoted or (self.travels and not self.titled)

    def join(self, ref: Hashable, al: Alignment, p: Piece) -> None:
        """``p`` (under ``ref``) joins the family, aligned with its original as ``al``."""
        self.members.append(ref)
        self.alignments[ref] = al
        self.credit(p)

    def credit(self, p: Piece) -> None:
        """What a joining passage ``p`` tells of the family: whether it is credited, and by whom."""
        self.quoted |= p.quote is not None
        self.travels |= p.article != self.home
        if self.speaker is None and p.speaker is not None and p.quote is not None:
            self.speaker, self.named = p.speaker, p.named
        if p.quote is not None and p.speaker is not None and not self.credited:
            self.credits.append((p.article, p.speaker, p.named))


class Building:
    """Families under construction, in memory: the groups in founding order and, per index, the
    numbers of the families whose original holds a key, in founding order."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.index: dict[str, dict[Hashable, list[int]]] = {name: defaultdict(list) for name in INDEXES}

    def __len__(self) -> int:
        return len(self.groups)

    def lookup(self, name: str, keys: Sequence[Hashable]) -> list[Sequence[int]]:
        """The postings of each of ``keys`` in index ``name`` (empty where none)."""
        table = self.index[name]
        return [table.get(k, ()) for k in keys]

    def group(self, gi: int) -> Group:
        return self.groups[gi]

    def found(self, g: Group, keys: dict[str, Iterable[Hashable]]) -> int:
        """Add a family founded by ``g``'s original, under ``keys`` of each index."""
        gi = len(self.groups)
        self.groups.append(g)
        for name, ks in keys.items():
            table = self.index[name]
            for k in ks:
                table[k].append(gi)
        return gi

    def join(self, gi: int, ref: Hashable, al: Alignment, p: Piece) -> None:
        self.groups[gi].join(ref, al, p)

    def finished(self) -> Iterator[Group]:
        """Every family, whole, in founding order."""
        return iter(self.groups)

    def spill(self, folder: str | None = None) -> Spilled:
        """The same families moved to a temporary SQLite file in ``folder``."""
        out = Spilled(folder)
        for gi, g in enumerate(self.groups):
            out.take(gi, g)
        for name, table in self.index.items():
            out.post(name, ((k, gi) for k, gis in table.items() for gi in gis))
        self.groups, self.index = [], {}
        return out


def _text(key: Hashable) -> str:
    """An index key as the text SQLite keeps: stems hold no space or ``\\x1f``."""
    if isinstance(key, str):
        return key
    return "\x1f".join(_text(k) if isinstance(k, tuple) else k for k in key)  # type: ignore[union-attr]


class Spilled:
    """Families under construction in a temporary SQLite file (deleted when they are finished or
    dropped); in memory, each family's header (speaker, flags, the credits of a family whose
    original credits no one) and a cache of the originals compared last."""

    CACHE = 4096

    def __init__(self, folder: str | None = None):
        fd, self.path = tempfile.mkstemp(prefix="quotetrace-families-", suffix=".db", dir=folder)
        os.close(fd)
        self.db = sqlite3.connect(self.path)
        # a scratch file: nothing to recover after a crash, so no journal and no syncs
        self.db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768;
            CREATE TABLE post (name INTEGER, key TEXT, gi INTEGER);
            CREATE INDEX post_key ON post (name, key, gi);
            CREATE TABLE piece (gi INTEGER PRIMARY KEY, piece BLOB);
            CREATE TABLE member (gi INTEGER, ref BLOB, al BLOB);
        """)
        self.heads: list[Group] = []
        self.cache: OrderedDict[int, Piece] = OrderedDict()
        self.names = {name: k for k, name in enumerate(INDEXES)}

    def __len__(self) -> int:
        return len(self.heads)

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        if getattr(self, "db", None) is not None:
            self.db.close()
            self.db = None  # type: ignore[assignment]
            try:
                os.unlink(self.path)
            except OSError:
                pass

    def take(self, gi: int, g: Group) -> None:
        """Keep family ``gi`` (moved from memory): its original on disk, its members too."""
        self.db.execute("INSERT INTO piece VALUES (?, ?)", (gi, pickle.dumps(g.piece, pickle.HIGHEST_PROTOCOL)))
        self.db.executemany("INSERT INTO member VALUES (?, ?, ?)",
                            ((gi, pickle.dumps(m), pickle.dumps(g.alignments[m])) for m in g.members[1:]))
        g.members, g.alignments = [g.original], {}
        self.heads.append(g)
        self._cached(gi, g.piece)  # type: ignore[arg-type]

    def post(self, name: str, pairs: Iterable[tuple[Hashable, int]]) -> None:
        n = self.names[name]
        self.db.executemany("INSERT INTO post VALUES (?, ?, ?)", ((n, _text(k), gi) for k, gi in pairs))

    def lookup(self, name: str, keys: Sequence[Hashable]) -> list[Sequence[int]]:
        if not keys:
            return []
        texts = [_text(k) for k in keys]
        found: dict[str, list[int]] = defaultdict(list)
        # SQLite allows some hundreds of parameters a statement; a passage has fewer keys
        for at in range(0, len(texts), 500):
            part = texts[at:at + 500]
            rows = self.db.execute(f"SELECT key, gi FROM post WHERE name = ? AND key IN ({','.join('?' * len(part))}) "
                                   "ORDER BY gi", (self.names[name], *part))
            for key, gi in rows:
                found[key].append(gi)
        return [found.get(t, ()) for t in texts]

    def group(self, gi: int) -> Group:
        g = self.heads[gi]
        g.piece = self._piece(gi)
        return g

    def _piece(self, gi: int) -> Piece:
        p = self.cache.get(gi)
        if p is None:
            p = self._load(gi)
            self._cached(gi, p)
        else:
            self.cache.move_to_end(gi)
        return p

    def _load(self, gi: int) -> Piece:
        blob, = self.db.execute("SELECT piece FROM piece WHERE gi = ?", (gi,)).fetchone()
        return pickle.loads(blob)

    def _cached(self, gi: int, p: Piece) -> None:
        """Keep ``p`` among the originals at hand; the one compared longest ago leaves them
        (its header lets go of it too)."""
        self.cache[gi] = p
        if len(self.cache) > self.CACHE:
            old, _ = self.cache.popitem(last=False)
            head = self.heads[old]
            if head is not None:
                head.piece = None

    def found(self, g: Group, keys: dict[str, Iterable[Hashable]]) -> int:
        gi = len(self.heads)
        self.take(gi, g)
        for name, ks in keys.items():
            self.post(name, ((k, gi) for k in ks))
        return gi

    def join(self, gi: int, ref: Hashable, al: Alignment, p: Piece) -> None:
        self.heads[gi].credit(p)  # the header's flags: the original itself is not needed
        self.db.execute("INSERT INTO member VALUES (?, ?, ?)", (gi, pickle.dumps(ref), pickle.dumps(al)))

    def finished(self) -> Iterator[Group]:
        """Every family, whole, in founding order, read back one at a time; the file is deleted
        at the end."""
        try:
            self.db.execute("CREATE INDEX member_gi ON member (gi)")
            for gi, g in enumerate(self.heads):
                cached = self.cache.pop(gi, None)
                g.piece = cached if cached is not None else self._load(gi)
                for ref, al in self.db.execute("SELECT ref, al FROM member WHERE gi = ? ORDER BY rowid", (gi,)):
                    m = pickle.loads(ref)
                    g.members.append(m)
                    g.alignments[m] = pickle.loads(al)
                self.heads[gi] = None  # type: ignore[call-overload]  # handed on: not held here
                yield g
        finally:
            self.close()
