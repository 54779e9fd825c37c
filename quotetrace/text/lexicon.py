"""Cue lexicon: the verbs and phrases English news uses to report speech, writing and stance.

Notes:
    The verb list draws on the reporting-verb inventories of Krestel, Bergler and Witte
    ("Minding the Source", LREC 2008), on the cue vocabulary of the PARC 3.0 and PolNeAR
    attribution corpora (Pareti 2016; Newell et al. 2018), and on the verbs of textacy's
    ``constants.py``. Forms are generated from lemmas; the irregular ones are listed.

    The manner-of-speaking and channel verbs follow published verb classes rather than
    examples: VerbNet 3.4's communication classes (Kipper Schuler et al. 2008; Levin 1993,
    ch. 37) say-37.7, manner_speaking-37.3, complain-37.8, talk-37.5, chit_chat-37.6,
    advise-37.9 and instr_communication-37.4, VerbNet's beg-58.2, and FrameNet's Statement
    and Communication_manner frames (Ruppenhofer et al. 2016). Members that news almost never
    uses to report words (``carol``, ``yodel``, ``semaphore``) are left out; the lists are
    written here, not copied.
"""

from __future__ import annotations

import regex

# lemma -> irregular forms (past, past participle, ...) that the regular rules would get wrong
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "think": ("thought", "thinks", "thinking"),
    "lay out": ("laid out", "lays out", "laying out"),
    "hold": ("held", "holds", "holding"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shown", "shows", "showing"),
    "predict": ("predicted", "predicts", "predicting"),
    "forecast": ("forecast", "forecasted", "forecasts", "forecasting"),
    "tweet": ("tweeted", "tweets", "tweeting"),
    "post": ("posted", "posts", "posting"),
    "put": ("put", "puts", "putting"),
    "swear": ("swore", "sworn", "swears", "swearing"),
    "bet": ("bet", "bets", "betting"),
    "feel": ("felt", "feels", "feeling"),
    "know": ("knew", "known", "knows", "knowing"),
    "learn": ("learned", "learnt", "learns", "learning"),
    "hear": ("heard", "hears", "hearing"),
    "read": ("read", "reads", "reading"),
    "see": ("saw", "seen", "sees", "seeing"),
    "mean": ("meant", "means", "meaning"),
    "blow up": ("blew up", "blown up"),
    "begin": ("began", "begun", "begins", "beginning"),
    "sing": ("sang", "sung", "sings", "singing"),
    "shoot back": ("shot back", "shoots back", "shooting back"),
    "break in": ("broke in", "breaks in", "breaking in"),
    "cut in": ("cut in", "cuts in", "cutting in"),
    "write back": ("wrote back", "writes back", "writing back"),
    "speak up": ("spoke up", "speaks up", "speaking up"),
    "e-mail": ("e-mailed", "e-mails", "e-mailing"),
    "beseech": ("besought", "beseeched", "beseeches", "beseeching"),
    "cry": ("cried", "cries", "crying"),
    "plead": ("pleaded", "pled", "pleads", "pleading"),
    "fire back": ("fired back", "fires back", "firing back"),
    "hit back": ("hit back", "hits back", "hitting back"),
}

# Speech and writing verbs that introduce reported speech or quotations.
SPEECH_VERBS = """
say tell add claim insist deny admit warn describe reply declare acknowledge report write tweet
post continue call suggest accuse blast slam state announce explain argue ask answer respond
note confirm recall comment remark assert predict promise vow pledge testify speak quote
criticize criticise praise mention reveal disclose concede complain boast joke shout yell urge
agree disagree echo counter charge allege contend maintain stress emphasize emphasise observe
proclaim tout dismiss lament muse quip retort scoff whisper mutter exclaim plead demand threaten
brag concur reiterate repeat conclude caution hint imply inform assure advise recommend propose
label dub brand characterize characterise term question wonder forecast estimate acknowledge
reassure rail attack lash fume scold chide rebuke decry denounce condemn hail applaud thank
recount relate recommend summarize summarise elaborate clarify specify predict guarantee swear
threaten signal indicate concede grumble gush marvel rave snap sneer taunt tease testify
interject confess remember exhort chant sing insist gripe marvel muse opine pronounce rule vent wonder read
""".split()

# How the words were spoken (VerbNet manner_speaking-37.3, FrameNet Communication_manner and
# Communication_noise): "she sighed", "he snapped". They report a quotation or a that-clause, never
# a bare object ("roared its approval", "muttered something").
MANNER_VERBS = """
babble bark bawl bellow blubber bluster boom burble cackle chant chatter chirp chortle chuckle coo
croak croon crow drawl drone gabble gasp groan growl grumble grunt hiss holler hoot howl jabber
cry lisp moan mumble murmur mutter natter pant prattle purr quaver rage rant rasp roar rumble scream
screech shout shriek sigh simper snap snarl snivel splutter sputter squawk squeak squeal stammer
stutter thunder trill trumpet wail wheeze whimper whine whisper whoop yammer yell yelp
""".split()

# Complaining and boasting (VerbNet complain-37.8) and bantering (chit_chat-37.6, talk-37.5).
COMPLAIN_VERBS = """
bellyache boast brag carp complain gripe grouch grouse grumble kvetch moan object whine
joke jest banter chat talk speak
""".split()

# Reacting (FrameNet Response): "she reacted sharply to the ruling, “…”". Like the manner verbs,
# they report a quotation, never their object ("reacted to the news") or a clause.
RESPONSE_VERBS = """
react
""".split()

# Saying with a purpose or a stance (VerbNet say-37.7, advise-37.9 and beg-58.2; FrameNet
# Statement): "she implored", "he volunteered", "officials cautioned".
STATEMENT_VERBS = """
affirm aver avow attest blurt profess divulge insinuate utter voice vocalize
proclaim pronounce confide declare assert allege add reply respond retort
admonish advise caution instruct warn notify
beg beseech entreat implore importune plead
""".split()

# The channel the words went through (VerbNet instr_communication-37.4): "she emailed", "he
# texted". Their base and -s forms are mostly nouns ("an email", "the texts") and are not cues.
CHANNEL_VERBS = """
email e-mail text message cable fax phone telephone radio telegraph
""".split()

# Speech verbs that take a bare or "that" clause as their content ("she added (that) …"); the
# other speech verbs report only with "that", a quotation or their own preposition
# ("described … as", "called for …", "accused … of").
CLAUSE_VERBS = frozenset("""
say tell add claim insist deny admit warn report write tweet note argue explain announce
acknowledge suggest reply respond declare state predict promise confirm recall contend maintain
stress emphasize emphasise concede complain boast agree allege assert reveal disclose testify
answer observe proclaim muse quip retort whisper mutter exclaim plead reiterate conclude
caution hint imply inform assure advise recommend propose estimate guarantee swear indicate
signal remark counter vow pledge threaten reassure clarify specify elaborate
summarize summarise relate recount lament concur ask
""".split())

#: Manner, complaint, channel and response verbs report a quotation or a that-clause; a clause before them
#: without marks is not their content ("As the crowd cheered, she talked about jobs").
QUOTE_ONLY = frozenset([*MANNER_VERBS, *COMPLAIN_VERBS, *CHANNEL_VERBS, *RESPONSE_VERBS]) - CLAUSE_VERBS

# Of those, the ones whose bare object is as often a noun phrase ("conceded the race",
# "maintains a lead", "responding to critics") as a clause: they need a clause to show, a
# complementizer, a question word, a pronoun subject or a quotation.
NEEDS_CLAUSE = frozenset("""
deny confirm maintain concede disclose respond answer advise recommend propose estimate
guarantee signal counter threaten reassure clarify specify elaborate summarize summarise
relate recount lament concur inform assure caution proclaim plead reiterate observe
whisper mutter exclaim
""".split())

#: Cue forms that are often nouns ("the report", "his claims"): cues only where a verb can stand.
NOUNISH = frozenset("""report reports claim claims call calls post posts note notes comment comments
answer answers quote quotes charge charges promise promises tweet tweets counter echo echoes question
questions estimate estimates forecast forecasts demand demands pledge pledges vow vows attack attacks
praise statement warning warnings reply replies remark remarks plea pleas concern boast boasts joke jokes
repeat signal signals hint hints label labels term terms brand guess finish conclude show shows
state states blast blasts slam slams
find finds read reads hope hopes fear fears plan plans mean means want wants figure figures feel
feeling think thinking know known learn learned heard see seen""".split())

# Cognition and stance verbs: attributions that are not speech (PolNeAR annotates them too).
STANCE_VERBS = """
think believe feel hope fear worry expect know doubt suspect
""".split()

# Verbs of judging, blaming, crediting and referring (VerbNet judgment-33, characterize-29.2,
# admire-31.2): "blamed the flood on “careless planners”", "mocked Roe for “having a tough
# night”", "likened the rules to “burning the charter”". Their object is a person or a thing,
# not a statement: they report words only where a quotation follows that object closely
# (attribute.cues), and are no cues otherwise.
QUOTING_VERBS = """
blame credit cite reference refer portray depict bemoan identify liken compare mock ridicule deride
laud admire lambaste lambast castigate berate fault chastise excoriate assail commend invoke
herald welcome greet celebrate rate
""".split()
#: ...those of them that name their object before the quotation (``rated the claim “false”``):
#: a quotation right after one is what something *was* rated (``most of them rated
#: “confidential”``), not the rater's words
QUOTING_AFTER_OBJECT = frozenset({"rate"})

# Multi-word cues that behave like one verb (the particle verbs of the classes above: "blurted
# out", "chimed in", "piped up"; "as Ortiz put it").
PHRASAL = ("point out", "lay out", "go on", "weigh in", "push back", "speak out", "sound off",
           "make clear", "make the case", "take issue", "hit back", "fire back", "shoot back",
           "spell out", "lash out", "blurt out", "chime in", "pipe up", "cut in", "break in",
           "speak up", "snap back", "bark back", "write back", "text back", "put it")

# Cues that are not verbs; they take the speaker after them (``according to X``).
NOMINAL = ("according to", "in the words of", "as quoted by", "per")

_DOUBLE_FINAL = set("bdgmnprt")
_VOWELS = set("aeiou")


def _regular_forms(lemma: str) -> set[str]:
    """The -s, -ed and -ing forms of a regular English verb."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    elif (len(lemma) <= 4 or lemma in _STRESSED_LAST) and lemma[-1] in _DOUBLE_FINAL \
            and lemma[-2] in _VOWELS and (lemma[-3] not in _VOWELS or lemma[-4:-2] == "qu"):
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


# Two-syllable verbs stressed on the last syllable double their final consonant (admitted).
_STRESSED_LAST = {"admit", "commit", "regret", "compel", "rebel", "refer", "prefer", "concur",
                  "occur", "deter", "submit", "permit", "abet", "control"}


def inflections(lemma: str) -> set[str]:
    """Every form of a cue verb: ``say`` gives say, says, said, saying."""
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return {f"{form} {rest}" for form in inflections(head)}
    return _regular_forms(lemma)


def _table(lemmas: list[str] | tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in lemmas:
        for form in inflections(lemma):
            out.setdefault(form, lemma)
    return out


# Base forms that are nouns far more often than verbs in news ("state media", "a post").
_NOUN_BASES = {"state", "post", "report", "tweet", "quote", "charge", "attack", "praise", "question",
               "estimate", "forecast", "demand", "signal", "label", "brand", "term", "echo", "counter"}

# Forms of the class verbs that are nouns or adjectives far more often than verbs in news
# ("a boom", "the chat", "a phone", "texts", "a cry for help", "a crowing rooster").
_CLASS_NOUNS = {"boom", "booms", "chat", "chats", "crow", "crows", "drone", "drones", "hoot", "hoots", "pant",
                "pants", "rage", "rages", "rant", "rants", "roar", "roars", "rumble", "rumbles", "snap", "snaps",
                "thunder", "thunders", "trill", "trills", "trumpet", "trumpets", "object", "objects", "talk",
                "talks", "gossip", "brief", "briefs", "alert", "alerts", "voice", "voices", "petition",
                "petitions", "cry", "cries", "moan", "moans", "sigh", "sighs", "shout", "shouts", "whisper",
                "whispers", "groan", "groans", "scream", "screams", "howl", "howls", "joke", "jokes", "chant",
                "chants", "bark", "barks", "hiss", "hisses", "murmur", "murmurs", "gasp", "gasps",
                "crabbing", "booming", "raging", "drone", "talking", "speaking", "chatting", "conferring",
                "counseling", "briefing", "alerting", "voicing"}
_CHANNEL_NOUNS = {f for lemma in CHANNEL_VERBS for f in inflections(lemma) if not f.endswith("ed")}
# Manner, complaint and channel verbs report in the past or as a participle ("she sighed", "chanting
# “…”"); their base and -s forms are nouns in news far more often ("a sigh", "the shouts", "bluster").
_PAST_AND_PARTICIPLE = {f: l for f, l in _table([*MANNER_VERBS, *COMPLAIN_VERBS, *CHANNEL_VERBS, *RESPONSE_VERBS]).items()
                        if f != l and not (f.endswith("s") and f[:-1].rstrip("e") == l.rstrip("e"))}

#: form -> lemma, for single-word speech cues
SPEECH_FORMS = {f: l for f, l in _table(SPEECH_VERBS).items() if f not in _NOUN_BASES}
for _form, _lemma in [*_PAST_AND_PARTICIPLE.items(), *_table(STATEMENT_VERBS).items()]:
    if _form not in _CLASS_NOUNS and _form not in _CHANNEL_NOUNS:
        SPEECH_FORMS.setdefault(_form, _lemma)
#: form -> lemma, for cognition and stance cues
STANCE_FORMS = _table(STANCE_VERBS)
#: form -> lemma, for multi-word verbal cues
PHRASAL_FORMS = _table(PHRASAL)
#: form -> lemma, for the verbs that report only a quotation close after their object
QUOTING_FORMS = {f: l for f, l in _table(QUOTING_VERBS).items() if f not in SPEECH_FORMS and f not in STANCE_FORMS}


def lemma_of(word: str) -> str | None:
    """The lemma of a cue form, or None when the word is not a cue."""
    w = word.lower()
    return SPEECH_FORMS.get(w) or STANCE_FORMS.get(w) or PHRASAL_FORMS.get(w)


def inflected_cue(word: str) -> bool:
    """Whether ``word`` is a cue form that no modal stands before ("said", "told", "says"): a cue
    not in its base form. Before one, a capitalised "May" or "Will" is a name."""
    lemma = lemma_of(word)
    return lemma is not None and lemma != word.lower()


_LETTERS_RE = regex.compile(r"(?<![\w’'])[^\W\d_]+(?![\w’'])")


def speech_cues(text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match]:
    """The speech cue words of ``text[pos:endpos]``, as matches in order (a set lookup per word,
    faster than one alternation of every form)."""
    end = len(text) if endpos is None else endpos
    return [m for m in _LETTERS_RE.finditer(text, pos, end) if (w := m.group().lower()) in SPEECH_FORMS
            and not (SPEECH_FORMS[w] == "continue" and goes_on(text, m.end(), end))]


_TO_VERB_RE = regex.compile(r"\s+to\s+([^\W\d_]+)")


def goes_on(text: str, pos: int, end: int) -> bool:
    """Whether "continue" ending at ``pos`` is followed by "to" and a verb that is no cue: what
    goes on is an action, not a statement ("students will continue to take tests"; but
    "continued to say")."""
    m = _TO_VERB_RE.match(text, pos, end)
    return m is not None and lemma_of(m.group(1)) is None

#: nouns that name what someone said, whose owner's possessive names the speaker ("Doe’s claim
#: that …")
NOMINAL_NOUNS = frozenset("""claim claims prediction predictions promise promises pledge pledges warning
warnings statement statements assertion assertions suggestion insistence argument remark remarks comment
comments accusation accusations charge contention allegation allegations vow vows boast admission
declaration announcement observation complaint complaints description characterization""".split())

#: nouns of what someone said whose quotation follows "was" and a colon or a comma ("Doe’s
#: response was: “…”"); not "Doe’s claim was “false”", which judges a statement
COPULAR_NOUNS = frozenset("""response reply answer message advice motto dictum retort explanation words
rejoinder""".split())

#: every word that may start a verb cue: a speech or stance form, or a phrasal cue's first word
CUE_WORDS = frozenset(SPEECH_FORMS) | frozenset(STANCE_FORMS) | frozenset(w.split()[0] for w in PHRASAL_FORMS)
# ...and of any other cue ("according to", a verb that reports only quotations, a statement's
# noun); a set lookup per word is far faster than one big alternation
_CUE_FIRST_WORDS = (CUE_WORDS | frozenset(w.split()[0] for w in NOMINAL) | frozenset(QUOTING_FORMS)
                    | NOMINAL_NOUNS | COPULAR_NOUNS)
_WORD_RE = regex.compile(r"[^\W\d_]+")


def cue_offsets(text: str) -> list[int]:
    """Offsets of the words that may start a cue, in order: sentences without one report nothing."""
    return [m.start() for m in _WORD_RE.finditer(text) if m.group().lower() in _CUE_FIRST_WORDS]


#: words whose "’s" is "is", "has" or "us", not a possessive ("it’s", "that’s", "let’s")
_CONTRACTED = frozenset("it that he she what there here who let where how".split())


def is_possessive(word: str) -> bool:
    """Whether ``word`` is a name's or a noun's possessive (``Doe’s``), not a contraction."""
    low = word.lower()
    return low.endswith(("’s", "'s")) and low[:-2] not in _CONTRACTED
