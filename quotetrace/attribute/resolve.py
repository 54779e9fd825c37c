"""Resolve speaker mentions inside one article: one canonical name per speaker.

- surnames and short forms take the full name the article used (``Vogt`` → ``Klara Vogt``;
  ``Argus`` and ``ARGUS`` are one); a surname two people bear, the one introduced first unless
  another is written in full twice as often, and none on a near tie;
- a relative ``who`` (``Sen. Klara Vogt of Hesse, who said …``) takes the name before its comma,
  or before the description between them, and keeps ``who`` as its mention;
- role phrases (``The US President``) take the person the article named with that role, else, when
  they describe (``the senator``; not a name of capitalised words like ``HuffPost Pollster``, nor
  someone new like ``one former aide``), the person who spoke in the sentences just before;
- pronouns (``he``, ``she``, ``it``, ``they``) take the nearest earlier speaker of a fitting
  kind, else the nearest earlier name; never across a heading, never further than a few
  paragraphs back. When nothing fits, the speaker keeps its mention and type ``unknown``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

import regex

from ..analyze import Analysis
from ..model import Article, Cue, Quote, Span, Speaker
from ..text.layout import TITLE_STOPS, is_heading
from ..text.lexicon import lemma_of
from ..text.quotemarks import CLOSING, OPENING
from ..text.words import ADVERBS, MODAL_NAMES, ORG_HEADS, SUBORDINATORS, TITLES, WEEKDAYS
from .assemble import Assembled
from .headnames import headline_names, title_case
from .knobs import LOOKBACK_PARAGRAPHS
from .speakers import Described, describe
from .verbgroup import widen

# A capitalised name of up to five words, with the title words that may precede it. A word with a
# period inside a name is an initial or a title's abbreviation ("Jane Q. Doe", "Gov. Doe"), not a
# sentence's last word ("… Ted Vale. But Marsh …" is two names)
_NAME_RE = regex.compile(r"(?<![\w’'])(?:(?:\p{{Lu}}\.|(?:{0})\.|\p{{Lu}}[\p{{L}}’'\-]*)[ \t]+){{0,4}}\p{{Lu}}[\p{{L}}’'\-]*\p{{L}}"
                         .format(TITLE_STOPS))
_PRONOUN_KIND = {"he": ("person",), "she": ("person",), "him": ("person",), "her": ("person",),
                 "it": ("organization", "document"), "they": ("group", "organization", "anonymous", "person"),
                 "them": ("group", "organization", "anonymous")}


#: honorifics and titles that say whether a name's bearer is a man or a woman: "Mr. Doe",
#: "Congresswoman Jane Doe" (the surname is the last capitalised word after them)
_GENDER_OF = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f", "lord": "m",
              "congressman": "m", "congresswoman": "f", "spokesman": "m", "spokeswoman": "f",
              "chairman": "m", "chairwoman": "f", "assemblyman": "m", "assemblywoman": "f",
              "councilman": "m", "councilwoman": "f", "businessman": "m", "businesswoman": "f",
              "king": "m", "queen": "f", "prince": "m", "princess": "f"}
_GENDERED_RE = regex.compile(r"\b(%s)\s+(?:\p{Lu}[\p{L}’'\-]*\.?\s+){0,2}(\p{Lu}[\p{L}’'\-]*\p{L})\b"
                             % "|".join(w.capitalize() + (r"\.?" if w in ("mr", "mrs", "ms") else "")
                                        for w in _GENDER_OF))
#: words that, capitalised inside a run of capitalised words, make it a title, not a name
_TITLE_WORDS = frozenset("is are was were be been has have had will would can could to for and or of in on at "
                         "with a an the my your our their it its not no against from by about into".split())
# "Office of " just before a run of capitals: the run ends an institution's name
_OF_INSTITUTION_RE = regex.compile(r"\b(\p{Lu}\p{L}+) of \Z")
#: function words that are also surnames, when they end a name
_SURNAME_WORDS = MODAL_NAMES | {"from"}
#: how many of the last people named a pronoun may skip for one of another gender
_PEOPLE_TRIED = 6
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}

#: capitalised words that open a sentence or a clause before a name, never a first name ("And
#: Doe", "In New Avalon", "Although Doe", "Like Vale", "Interestingly Marsh", "Former Roe")
_OPENERS = SUBORDINATORS | ADVERBS | frozenset("""in on at and but for from with by as when if after before
while since until during of to under over then so or yet also meanwhile however still now here there this
that these those it its is was our their his her my your we they he she i like unlike neither either despite
former interestingly notably indeed perhaps clearly see does do did what how both without given absent beyond
whatever whether which who why where continued""".split())


#: cues that open a sentence before a name ("Said Vale: …", "Asked Doe whether …"); not "hope",
#: which is a first name too
_OPENING_CUES = frozenset("say ask add tell write".split())


def _trimmed(name: str) -> str:
    """A capitalised run without an opening function word and a trailing day."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _OPENERS or words[0].lower().endswith("ing")
                              or lemma_of(words[0]) in _OPENING_CUES):
        words = words[1:]  # "Injecting Doe into the race", "Said Vale:": a participle or a cue opens the sentence
    while len(words) > 1 and words[-1].lower() in WEEKDAYS:
        words = words[:-1]
    return " ".join(words)


def _in_marks_alone(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` fill a quotation of their own: an opening mark just
    before them, a closing one just after (a comma or a period between)."""
    before = text[max(0, start - 2):start].rstrip(" ")
    after = text[end:end + 3].lstrip(",.")
    return before[-1:] in OPENING and after[:1] in CLOSING


class _Names:
    """The people and organisations an article names, indexed for aliases and roles.

    ``expand`` looks a name up by its last word (a surname) or whole; ``by_role`` by the head of
    the title it was named with; ``people_between`` by offset. Each is a dictionary or a bisect,
    so resolving every quote of a long article stays linear."""

    def __init__(self, text: str, headings: Sequence[Span] = (), first_line: Span | None = None):
        self.by_key: dict[str, tuple[str, str]] = {}  # lower-case name or last word -> (name, type)
        self.by_title: dict[str, list[tuple[int, str, str]]] = {}  # title head -> (offset, name, qualifier)
        self.people: list[tuple[int, str]] = []  # (offset, name), in order
        found: list[tuple[str, str]] = []
        # in a title-case heading capitals cannot tell where a name ends ("… Hedge Funds Support
        # Jane Doe"): its names are read by headline_names, against the body
        titled = sorted((h.start, h.end) for h in [*headings, *([first_line] if first_line else [])]
                        if title_case(text, h))
        titled_starts = [a for a, _ in titled]
        for m in _NAME_RE.finditer(text):
            t = bisect_right(titled_starts, m.start()) - 1
            if t >= 0 and m.start() < titled[t][1]:
                continue
            owner = _OF_INSTITUTION_RE.search(text, max(0, m.start() - 30), m.start())
            if owner and owner.group(1).lower() in ORG_HEADS:
                continue  # "Office of Personnel Management": the rest of an institution's name
            if _in_marks_alone(text, m.start(), m.end()):
                continue  # 'the author of “Hacked World Order,”': a title, nobody "he" can be
            # a title just before the name makes it a role: "French President Luc Marand"; a
            # sentence's first word ("In", "And") and a day after the name are not part of it;
            # a capitalised verb or function word inside makes it a title ("Change Is Gonna Come")
            trimmed = _trimmed(m.group())
            words = trimmed.split()
            if any(w.lower() in _TITLE_WORDS and not (k == len(words) - 1 and w.lower() in _SURNAME_WORDS)
                   for k, w in enumerate(words) if k):
                continue  # (but such a word that ends the name may be a surname: George Will, Al From)
            d = describe(trimmed)
            if not d.name:
                continue
            if len(d.name.split()) >= 2 and d.type in ("person", "unknown"):
                found.append((d.name, "person"))
                self.people.append((m.start(), d.name))
                for word in d.role.split():
                    self.by_title.setdefault(word, []).append((m.start(), d.name, d.qualifier))
            elif d.type == "organization":
                found.append((d.name, "organization"))
        #: how often the article writes each name: its usual form names the speaker, not a
        #: nickname written once ("Crooked Jane Doe")
        self.counts = Counter(name for name, _ in found)
        seen: dict[str, set[str]] = {}
        for m in _GENDERED_RE.finditer(text):
            seen.setdefault(m.group(2).lower(), set()).add(_GENDER_OF[m.group(1).lower().rstrip(".")])
        #: surname -> the gender its honorifics give, when they agree
        self.genders = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        for name, kind in found:
            self._add(name, kind)
        self.people_offsets = [off for off, _ in self.people]
        self._one_per_surname()
        for name in headline_names(text, headings):
            self._add_headline(name)
        if first_line is not None:
            # a headline with a final stop: its names fill gaps only, since the body's own full
            # names ("Charles Doe" beside the headline's "Chuck Doe") are the surer
            for name in headline_names(text, [first_line]):
                if name.lower().split()[-1] not in self.by_key:
                    self._add_headline(name)

    def _one_per_surname(self) -> None:
        """A surname two people of the article bear ("Ada Vale", "Tom Vale") names, as news
        writing has it, the one the article introduces first, unless it writes another in full
        twice as often (then that one) or more often but not twice (then nobody: the surname
        stays as written, and the corpus's identities may still tell who it is)."""
        bearers: dict[str, list[list]] = {}  # surname -> [[a name of the person, times written]], first met first
        for _, name in self.people:
            if " " not in name:
                continue
            people = bearers.setdefault(name.split()[-1].lower(), [])
            same = next((p for p in people if _same_person(p[0], name)), None)
            if same is None:
                people.append([name, 1])
            else:
                same[1] += 1
        for surname, people in bearers.items():
            if len(people) < 2 or surname not in self.by_key or self.by_key[surname][1] != "person":
                continue
            first, most = people[0], max(people[1:], key=lambda p: p[1])
            main = most if most[1] >= 2 * first[1] else first if first[1] >= most[1] else None
            if main is None:
                self.by_key[surname] = (first[0].split()[-1], "person")
            else:
                self.by_key[surname] = (self.by_key.get(main[0].lower(), (main[0], "person"))[0], "person")

    def _add_headline(self, name: str) -> None:
        """A full name from a title-case headline: it gives a bare surname of the body its full
        name. When the body names someone else with that surname, the surname is ambiguous: it
        stays as written (a person, whom a later pronoun may follow), never the wrong full name."""
        d = describe(name)
        if d.name != name or d.type not in ("person", "unknown"):
            return
        surname = name.lower().split()[-1]
        old = self.by_key.get(surname)
        if old is None:
            self._add(name, "person")
        elif old[1] == "person" and not _same_person(old[0], name):
            self.by_key[surname] = (name.split()[-1], "person")

    def _add(self, name: str, kind: str) -> None:
        low = name.lower()
        keys = {low, low.split()[-1]}
        if kind == "organization" and low.startswith("the "):
            keys.add(low[4:])
        for key in keys:
            old = self.by_key.get(key)
            if old is None or self._better(name, kind, *old):
                self.by_key[key] = (name, kind)

    def _better(self, name: str, kind: str, old: str, old_kind: str) -> bool:
        """Whether ``name`` should stand for a key ``old`` holds: of two forms of one name the
        most written ("Jane Doe" over a nickname written once, "Crooked Jane Doe"), then the
        fullest; of two people, the fullest name."""
        if old_kind == kind and _same_person(old, name):
            return (self.counts[name], len(name)) > (self.counts[old], len(old))
        return len(name) > len(old)

    def expand(self, name: str) -> tuple[str, str] | None:
        """The full name that ``name`` abbreviates (a surname, or a different case)."""
        hit = self.by_key.get(name.lower())
        if hit and (hit[0].lower() == name.lower() or hit[0].lower().endswith(" " + name.lower())
                    or hit[1] == "organization"):
            return hit
        return None

    def by_role(self, role: str, qualifier: str, before: int) -> str | None:
        """The person named earlier with this role: "The US President" → "US President X"."""
        head = role.split()[-1] if role else ""
        for off, name, qual in reversed(self.by_title.get(head, ())):
            if off < before and (not qualifier or not qual or qual == qualifier):
                return name
        return None

    def last_person(self, start: int, end: int, fits: Callable[[str], bool] = lambda name: True) -> str | None:
        """The last person named in ``[start, end)`` that ``fits`` (among the last few named)."""
        k = bisect_left(self.people_offsets, end) - 1
        for j in range(k, max(-1, k - _PEOPLE_TRIED), -1):
            if self.people_offsets[j] < start:
                break
            if fits(self.people[j][1]):
                return self.people[j][1]
        return None

    def gender(self, name: str) -> str | None:
        """"m" or "f" when the article calls the bearer of this name's surname Mr. or Ms. (or a
        gendered title: Congresswoman, Sir), and never the other; else None."""
        return self.genders.get(name.split()[-1].lower()) if name.split() else None


class _History:
    """The speakers resolved so far, in the order they were resolved, asked for the latest one of
    some types inside a window of paragraphs. The window ends at the latest entry from a
    paragraph at or before a threshold (found by bisecting the entries that are lower than
    everything after them); each type keeps its own list. A question costs a bisect and a
    short walk, not a pass over the whole history (a one-line article has thousands)."""

    def __init__(self) -> None:
        self.paras: list[int] = []
        self.low: list[int] = []  # indices whose paragraph is lower than every later entry's
        self.by_type: dict[str, list[tuple[int, int, Speaker]]] = {}

    def append(self, off: int, para: int, sp: Speaker) -> None:
        i = len(self.paras)
        self.paras.append(para)
        while self.low and self.paras[self.low[-1]] >= para:
            self.low.pop()
        self.low.append(i)
        self.by_type.setdefault(sp.type, []).append((i, off, sp))

    def latest(self, types: Sequence[str], before: int, para: int, floor: int,
               fits: Callable[[Speaker], bool] = lambda sp: True) -> Speaker | None:
        """The latest speaker of one of ``types`` that ``fits``, mentioned before offset
        ``before``, with no entry between it and now from a paragraph at or before ``floor`` or
        more than :data:`LOOKBACK_PARAGRAPHS` before ``para``."""
        threshold = max(floor, para - LOOKBACK_PARAGRAPHS - 1)
        k = self._last_low(threshold)
        stop = self.low[k] if k >= 0 else -1
        best: tuple[int, Speaker] | None = None
        for t in types:
            for i, off, sp in reversed(self.by_type.get(t, ())):
                if i <= stop or best is not None and i < best[0]:
                    break
                if off < before and fits(sp):
                    best = (i, sp)
                    break
        return best[1] if best else None

    def _last_low(self, threshold: int) -> int:
        """The position in ``low`` of the latest entry whose paragraph is at or before ``threshold``."""
        lo, hi = 0, len(self.low)
        while lo < hi:  # the paragraphs of ``low`` grow: bisect them
            mid = (lo + hi) // 2
            if self.paras[self.low[mid]] <= threshold:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1


def resolve(article: Article, analysis: Analysis, assembled: Sequence[Assembled]) -> list[Quote]:
    """Quotes with cues and resolved speakers, numbered in text order."""
    text = article.text
    paras = list(analysis.paragraphs)
    para_starts = [p.start for p in paras]
    headings = [k for k, p in enumerate(paras) if is_heading(text, p)]
    # the first line is the headline, with or without a final stop
    first_line = paras[0] if paras and 0 not in headings else None
    names = _Names(text, [paras[k] for k in headings], first_line) if assembled else None
    history = _History()
    spellings: dict[str, Speaker] = {}
    quotes: list[Quote] = []
    for a in assembled:
        c = a.candidate
        speaker = None
        if c is not None and c.speaker is not None:
            mention = text[c.speaker.start:c.speaker.end]
            para = max(0, bisect_right(para_starts, c.speaker.start) - 1)
            named = _antecedent(text, c.speaker) if mention.lower() in _RELATIVES else None
            if named is not None:
                # "Sen. Tom Vale of Avalon, who said …": the mention stays "who", the name is Vale's
                speaker = _resolve_one(text[named.start:named.end], named, para, history, headings, names, paras,
                                       spellings)
                speaker = Speaker(name=speaker.name, mention=mention, start=c.speaker.start, end=c.speaker.end,
                                  type=speaker.type)
            else:
                speaker = _resolve_one(mention, c.speaker, para, history, headings, names, paras, spellings)
            if speaker.type != "unknown" or speaker.name != mention:
                history.append(c.speaker.start, para, speaker)
                spellings.setdefault(speaker.name.lower(), speaker)
        cue = None
        if c is not None and c.cue is not None:
            # a quotation paragraph that continues the one before shares its attribution and cue
            span = widen(text, c.cue)
            cue = Cue(text[span.start:span.end], span.start, span.end)
        conf = a.rule.confidence  # declared beside the frame that found it
        if speaker is not None and speaker.type == "unknown":
            conf -= 0.2
        quotes.append(Quote(id=f"{article.id}:{len(quotes) + 1}", article=article.id, kind=a.kind,
                            text=a.text(text), spans=a.spans, quoted=a.quoted, cue=cue,
                            speaker=speaker, confidence=max(0.05, conf)))
    return quotes


#: relative pronouns that stand for the name just before them, after a comma
_RELATIVES = frozenset(("who", "which"))
# a capitalised name (with its title, and a place after "of") right before ", who"
_ANTECEDENT_RE = regex.compile(r"(?<![\w’'])((?:(?:\p{{Lu}}\.|(?:{0})\.|\p{{Lu}}[\p{{L}}’'\-]*)[ \t]+){{0,4}}"
                               r"\p{{Lu}}[\p{{L}}’'\-]*\p{{L}})"
                               r"(?:[ \t]+of[ \t]+\p{{Lu}}[\p{{L}}’'\-]*(?:[ \t]+\p{{Lu}}[\p{{L}}’'\-]*)*)?"
                               r"[ \t]*,[ \t]*\Z".format(TITLE_STOPS))


_WORD_BEFORE_RE = regex.compile(r"(\w+)[ \t]+\Z")
# a description after a comma, up to the name: ", a senior analyst at ", ", the leader of the party in "
_DESCRIPTION_RE = regex.compile(r",[ \t]+(?:a|an|the)[ \t]+[^,.;:!?\n]*[ \t]\Z", regex.I)


def _antecedent(text: str, mention: Span) -> Span | None:
    """The name a relative pronoun stands for: "… such as Sen. Tom Vale of Avalon, who said …"
    (only a capitalised name right before its comma; "the agency, which said" stays as it is)."""
    m = _ANTECEDENT_RE.search(text, max(0, mention.start - 80), mention.start)
    if m is None:
        return None
    before = _WORD_BEFORE_RE.search(text, max(0, m.start(1) - 30), m.start(1))
    if before and before.group(1).lower() in ("and", "or"):
        return None  # "Ada Roe and Tom Vale, who say …": both, not the last
    described = _DESCRIPTION_RE.search(text, max(0, m.start(1) - 120), m.start(1))
    if described and not any(w.lower().rstrip(".") in TITLES for w in m.group(1).split()):
        # "Tom Vale, a senior analyst at Argus, who notes …": "who" stands for the name before
        # the description, not for the one in it (a run with a title in it is a person's own
        # name: "the leader of the party, President Ada Roe, who …")
        m = _ANTECEDENT_RE.search(text, max(0, described.start() - 80), described.start() + 1)
        if m is None:
            return None
    # without a word that opens the sentence: "But Doe, who …"
    return Span(m.end(1) - len(_trimmed(m.group(1))), m.end(1))


def _same_person(a: str, b: str) -> bool:
    """Whether two full names can name one person: the same, one the end of the other, or the
    same first and last names around a middle name or initial ("Jane Q. Doe", "Jane Doe")."""
    a, b = a.lower(), b.lower()
    if a == b or a.endswith(" " + b) or b.endswith(" " + a):
        return True
    wa, wb = a.split(), b.split()
    return len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1]


#: words that open an indefinite description: someone new, not the last person who spoke
_INDEFINITE = frozenset("a an one another some several many two three four".split())


def _points_back(mention: str) -> bool:
    """Whether a role phrase may stand for the person who spoke just before: a description
    ("the senator", "The US President", "former secretary of state", "Obama's former
    strategist"), not a name of its own, every word capitalised and no "the" before it
    ("Islamic State", "HuffPost Pollster"), nor someone new ("one former executive", "even a top
    strategist")."""
    words = mention.split()
    if not words:
        return False
    if words[0].lower() in ("the", "this", "that"):
        return True  # "The US President", capitalised as a title is
    if all(w[:1].isupper() for w in words):
        return False
    return not any(w.lower() in _INDEFINITE for w in words[:2])


def _resolve_one(mention: str, span: Span, para: int, history: _History,
                 headings: list[int], names: _Names | None, paras: list[Span],
                 spellings: dict[str, Speaker]) -> Speaker:
    d: Described = describe(mention)
    name, kind = d.name, d.type
    if name is not None and " " in name and name.split()[0].lower() in _OPENERS:
        name = _trimmed(name)  # "But Roe said": the conjunction opens the sentence, not the name
    # the nearest heading before this paragraph bounds every look-back
    k = bisect_right(headings, para) - 1
    floor = headings[k] if k >= 0 else -1

    def recent(*types: str, fits: Callable[[Speaker], bool] = lambda sp: True) -> Speaker | None:
        return history.latest(types, span.start, para, floor, fits)

    if d.pronoun:
        want = _PRONOUN_KIND.get(d.pronoun, ())
        # "she" never takes a person the article calls Mr., nor "he" one it calls Ms.
        gender = _PRONOUN_GENDER.get(d.pronoun)
        def fits(name: str) -> bool:
            return gender is None or names is None or names.gender(name) in (None, gender)
        hit = recent(*want, fits=lambda sp: fits(sp.name))
        if hit is None and d.pronoun in ("he", "she", "him", "her") and names is not None:
            floor_off = 0 if floor < 0 else paras[floor].end  # names after the heading only
            person = names.last_person(floor_off, span.start, fits)
            if person:
                return Speaker(name=person, mention=mention, start=span.start, end=span.end, type="person")
        if hit is not None:
            return Speaker(name=hit.name, mention=mention, start=span.start, end=span.end, type=hit.type)
        return Speaker(name=mention, mention=mention, start=span.start, end=span.end, type="unknown")
    if name is None and d.role and kind in ("person", "unknown"):
        named = names.by_role(d.role, d.qualifier, span.start) if names else None
        last = (mention.split() or [""])[-1]
        # "King said", "Mr. Prince said", "the bank's chief, Ada Fritts": a title word or a name
        # ending the phrase that is the surname of a person the article names in full
        full = names.expand(last) if names is not None and last[:1].isupper() else None
        if full and (full[1] != "person" or describe(full[0]).name is None):
            full = None  # ("US President" is a role the article used, not a person's full name)
        hit = named or (full[0] if full else None) \
            or (getattr(recent("person"), "name", None) if _points_back(mention) else None)
        if hit:
            return Speaker(name=hit, mention=mention, start=span.start, end=span.end, type="person")
    if name is None and kind == "organization":
        hit = recent("organization")
        if hit:
            return Speaker(name=hit.name, mention=mention, start=span.start, end=span.end, type=hit.type)
    if name is None:
        return Speaker(name=mention, mention=mention, start=span.start, end=span.end,
                       type=kind if kind != "person" else "unknown")
    if names is not None and kind in ("person", "unknown", "organization"):
        full = names.expand(name)
        if full:
            name, kind = full[0], full[1] if kind == "unknown" else kind
    # one spelling per speaker in an article: "ARGUS" after "Argus"
    seen = spellings.get(name.lower())
    if seen is not None:
        name, kind = seen.name, seen.type if kind == "unknown" else kind
    return Speaker(name=name, mention=mention, start=span.start, end=span.end, type=kind)
