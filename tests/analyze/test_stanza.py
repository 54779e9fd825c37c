"""The stanza analyzer over a real stanza.Pipeline: offsets, sentences, trees, entities and errors.

The tiny models are trained by the session fixture and know almost nothing; these tests check the
shape of what the analyzer returns, never its accuracy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrace.analyze import FEATURES, Analysis, get_analyzer
from quotetrace.attribute.syntax import syntactic_candidates
from quotetrace.errors import ModelError
from quotetrace.text.layout import paragraphs

ARTICLE = """Storm closes ports along the coast

The harbour authority said on Monday that three ports would stay closed until the wind drops.
“We will not take risks with the crews,” a spokeswoman told reporters. Ferries were cancelled.

According to the weather service, gusts reached 140 km/h overnight.
...
The mayor, who visited the harbour, warned that repairs could take weeks, local radio reported.
"""

LABELS = {"PER", "ORG", "LOC", "MISC"}


def check_structure(a: Analysis) -> None:
    """Every invariant an Analysis from stanza must hold."""
    text = a.text
    assert a.analyzer == "stanza" and a.provides == FEATURES
    assert list(a.paragraphs) == paragraphs(text)
    prev_end = 0
    for t in a.tokens:
        assert 0 <= t.start <= t.end <= len(text) and text[t.start:t.end] == t.text
        assert t.start >= prev_end, "tokens overlap or go backwards"
        assert t.upos and t.lemma is not None and t.deprel
        prev_end = t.end
    at = 0
    for s in a.sentences:
        assert s.first_token == at < s.last_token, "sentences tile the tokens"
        at = s.last_token
        words = a.tokens[s.first_token:s.last_token]
        assert s.start == words[0].start and s.end == max(w.end for w in words)
        assert any(p.start <= s.start and s.end <= p.end for p in a.paragraphs), "crosses a paragraph"
        roots = [i for i in range(s.first_token, s.last_token) if a.tokens[i].head is None]
        assert len(roots) == 1, "one root a sentence"
        for i in range(s.first_token, s.last_token):
            seen, j = set(), i
            while a.tokens[j].head is not None:
                assert s.first_token <= a.tokens[j].head < s.last_token, "heads stay in the sentence"
                assert j not in seen, "no cycles"
                seen.add(j)
                j = a.tokens[j].head
    assert at == len(a.tokens)
    starts, ends = {t.start for t in a.tokens}, {t.end for t in a.tokens}
    for e in a.entities:
        assert e.label in LABELS and e.start < e.end and e.start in starts and e.end in ends


def test_article_structure(tiny_analyzer) -> None:
    """A small article comes back with valid offsets, sentences, trees and entities."""
    a = tiny_analyzer.analyze(ARTICLE)
    check_structure(a)
    assert len(a.sentences) >= len(a.paragraphs) and len(a.tokens) > 60
    # nothing but white space falls between the tokens: every character was placed
    assert "".join(t.text for t in a.tokens) == "".join(ARTICLE.split())


def test_tiny_models_run_every_processor(tiny_models: Path) -> None:
    """The fixture trained all five processors and wrote a resources.json that names them."""
    resources = json.loads((tiny_models / "resources.json").read_text())
    assert set(resources["en"]["default_processors"]) == {"tokenize", "pos", "lemma", "depparse", "ner"}
    for proc in ("tokenize", "pos", "lemma", "depparse", "ner", "pretrain"):
        assert list((tiny_models / "en" / proc).glob("*.pt")), proc


def test_pipeline_is_built_once(tiny_analyzer) -> None:
    """The stanza pipeline is cached on the analyzer."""
    assert tiny_analyzer.pipeline() is tiny_analyzer.pipeline()


def test_get_analyzer(tiny_models: Path) -> None:
    """get_analyzer('stanza', model_dir=…) gives the stanza analyzer with the full feature set."""
    a = get_analyzer("stanza", model_dir=str(tiny_models))
    assert a.name == "stanza" and a.provides == FEATURES


def test_batches_do_not_change_offsets(tiny_models: Path, tiny_analyzer) -> None:
    """Feeding stanza a paragraph at a time gives the same tokens as one batch for the article."""
    from quotetrace.analyze.stanza import StanzaAnalyzer

    small = StanzaAnalyzer(model_dir=str(tiny_models))
    small.batch_chars = 120
    small._pipeline = tiny_analyzer.pipeline()
    one, many = tiny_analyzer.analyze(ARTICLE), small.analyze(ARTICLE)
    check_structure(many)
    assert [(t.start, t.end) for t in many.tokens] == [(t.start, t.end) for t in one.tokens]


def test_long_paragraph_is_cut(tiny_models: Path, tiny_analyzer) -> None:
    """A paragraph longer than a batch is cut into pieces whose offsets still index the text."""
    from quotetrace.analyze.stanza import StanzaAnalyzer

    small = StanzaAnalyzer(model_dir=str(tiny_models))
    small.batch_chars = 50
    small._pipeline = tiny_analyzer.pipeline()
    text = "Intro line.\n" + " ".join(["The union said it would strike next week."] * 12) + \
        " " + "x" * 130 + "\nLast line."
    a = small.analyze(text)
    check_structure(a)
    assert "".join(t.text for t in a.tokens) == "".join(text.split())
    assert a.tokens[-1].end == len(text)


ODD = [
    "",
    "   \n\n \t ",
    "...",
    "“”",
    "!!!\n\n???\n\n",
    "a",
    "x\u00a0y\u200bz\tw",
    "Shares fell 5% 😀 on Friday.",
    "line one\r\nline two\r\n",
    "odd \u0097 control \u0085 characters.",
    "\ufeffBOM first.",
    "«Guillemets», she said.",
    "word " * 300,
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_text_never_raises(tiny_analyzer, text: str) -> None:
    """Empty, punctuation-only, control characters, emoji, CRLF: an analysis, never an exception."""
    a = tiny_analyzer.analyze(text)
    check_structure(a)
    for c in syntactic_candidates(a):
        assert all(0 <= s.start <= s.end <= len(text) for s in (c.cue, *c.content))


ODD_PIECES = list("\"'“”‘’«».,;:!?…-—()[]") + ["\n", "\n\n", " ", "\t", "\u00a0", "\u200b", "\u0085",
                                                "\u2028", "said", "Mr.", "U.S.", "😀", "n't", "ﬁ"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=80), st.lists(st.one_of(
    st.sampled_from(ODD_PIECES), st.text(alphabet="abcXY 12", max_size=6)), max_size=40).map("".join)))
def test_any_text_keeps_the_invariants(tiny_analyzer, text: str) -> None:
    """For any text: no exception, and every invariant of the analysis holds."""
    a = tiny_analyzer.analyze(text)
    check_structure(a)
    syntactic_candidates(a)


def test_candidates_on_tiny_parses_are_spans(tiny_analyzer) -> None:
    """Syntactic attribution over whatever the tiny parser produced gives valid, ordered spans."""
    a = tiny_analyzer.analyze(ARTICLE)
    cands = syntactic_candidates(a)
    assert cands == sorted(cands, key=lambda c: (c.cue.start, c.cue.end))
    for c in cands:
        assert c.content and all(0 <= s.start < s.end <= len(ARTICLE) for s in c.content)
        assert c.speaker is None or 0 <= c.speaker.start < c.speaker.end <= len(ARTICLE)


def _broken_copy(tiny_models: Path, tmp_path: Path, what: str) -> Path:
    """A copy of the tiny models with one thing wrong."""
    root = tmp_path / what
    if what == "absent":
        return root
    shutil.copytree(tiny_models, root)
    if what == "no-resources-json":
        (root / "resources.json").unlink()
    elif what == "no-depparse":
        shutil.rmtree(root / "en" / "depparse")
    elif what == "no-pretrain":
        shutil.rmtree(root / "en" / "pretrain")
    elif what == "truncated-pos":
        (root / "en" / "pos" / "tiny.pt").write_bytes(b"")
    elif what == "no-english":
        (root / "resources.json").write_text("{}")
    return root


@pytest.mark.parametrize("what", ["absent", "no-resources-json", "no-depparse", "no-pretrain",
                                  "truncated-pos", "no-english"])
def test_missing_models_give_one_clear_error(tiny_models: Path, tmp_path: Path, what: str) -> None:
    """A missing or broken model dir gives one ModelError naming the dir and the download command."""
    from quotetrace.analyze.stanza import StanzaAnalyzer

    root = _broken_copy(tiny_models, tmp_path, what)
    analyzer = StanzaAnalyzer(model_dir=str(root))
    with pytest.raises(ModelError) as err:
        analyzer.analyze("The mayor said the bridge would reopen.")
    message = str(err.value)
    assert message.count("quotetrace models download") == 1
    assert f"--dir {root}" in message
    # one error, not a chain of stanza's and torch's
    assert err.value.__cause__ is None
    assert err.value.__context__ is None or err.value.__suppress_context__


def test_model_dir_defaults_to_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without model_dir the analyzer looks in $STANZA_RESOURCES_DIR, else ~/stanza_resources."""
    from quotetrace.analyze.stanza import StanzaAnalyzer

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert StanzaAnalyzer().model_dir == str(tmp_path)
    monkeypatch.delenv("STANZA_RESOURCES_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert StanzaAnalyzer().model_dir == str(tmp_path / "home" / "stanza_resources")


def test_import_is_lazy() -> None:
    """Importing quotetrace, the stanza analyzer module and the CLI loads neither stanza nor torch."""
    code = ("import sys, quotetrace, quotetrace.analyze.stanza, quotetrace.analyze.models, quotetrace.cli, "
            "quotetrace.attribute.syntax; print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_offsets_survive_drift() -> None:
    """Offsets stanza gets wrong or leaves out are recovered from the text; a contraction is split."""
    from stanza.models.common.doc import Document

    from quotetrace.analyze.stanza import _collect
    from quotetrace.model import Span

    text = "He didn't say “yes” twice."
    rows = [
        {"id": 1, "text": "He", "start_char": 0, "end_char": 2},
        {"id": (2, 3), "text": "didn't", "start_char": 3, "end_char": 9},
        {"id": 2, "text": "did"}, {"id": 3, "text": "n't"},
        {"id": 4, "text": "say"},                                   # no offsets at all
        {"id": 5, "text": '"', "start_char": 40, "end_char": 41},  # drifted, and normalised
        {"id": 6, "text": "yes", "start_char": 15, "end_char": 18},
        {"id": 7, "text": "”", "start_char": 18, "end_char": 19},
        {"id": 8, "text": "twice", "start_char": 20, "end_char": 25},
        {"id": 9, "text": ".", "start_char": 25, "end_char": 26},
    ]
    for r in rows:
        if isinstance(r["id"], int):
            r.update(upos="X", lemma=r["text"], head=0 if r["id"] == 4 else 4, deprel="dep")
    doc = Document([rows], text=text)
    tokens, sents, ents = [], [], []
    _collect(doc, text, text, [0], [Span(0, len(text))], tokens, sents, ents)
    assert [t.text for t in tokens] == ["He", "did", "n't", "say", "“", "yes", "”", "twice", "."]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.head for t in tokens] == [3, 3, 3, None, 3, 3, 3, 3, 3]
    assert len(sents) == 1 and (sents[0].first_token, sents[0].last_token) == (0, 9)


@pytest.mark.parametrize("label, ours", [("PERSON", "PER"), ("PER", "PER"), ("ORG", "ORG"),
                                         ("GPE", "LOC"), ("LOC", "LOC"), ("FAC", "LOC"),
                                         ("NORP", "MISC"), ("EVENT", "MISC"), ("MISC", "MISC"),
                                         ("DATE", None), ("CARDINAL", None)])
def test_entity_labels(label: str, ours: str | None) -> None:
    """OntoNotes, CoNLL and Universal NER labels map to PER/ORG/LOC/MISC; dates and numbers are dropped."""
    from stanza.models.common.doc import Document

    from quotetrace.analyze.stanza import _collect
    from quotetrace.model import Span

    text = "Anna Berg spoke."
    doc = Document([[{"id": 1, "text": "Anna", "start_char": 0, "end_char": 4, "ner": f"B-{label}"},
                     {"id": 2, "text": "Berg", "start_char": 5, "end_char": 9, "ner": f"E-{label}"},
                     {"id": 3, "text": "spoke", "start_char": 10, "end_char": 15, "ner": "O"},
                     {"id": 4, "text": ".", "start_char": 15, "end_char": 16, "ner": "O"}]], text=text)
    doc.build_ents()
    tokens, sents, ents = [], [], []
    _collect(doc, text, text, [0], [Span(0, len(text))], tokens, sents, ents)
    assert [(e.start, e.end, e.label) for e in ents] == ([(0, 9, ours)] if ours else [])


# -- the real models, when a machine has them ---------------------------------------------------

REAL = [
    # (text, cue, subject, clause)
    ('The country\'s finance minister said the government was "ready to negotiate," according to '
     'a spokeswoman.', "said", "The country's finance minister", "the government was"),
    ("A senior official told reporters that the ceasefire would hold.", "told", "A senior official",
     "the ceasefire would hold"),
]


def _overlaps(span, text: str, phrase: str) -> bool:
    start = text.index(phrase)
    return span is not None and span.start < start + len(phrase) and start < span.end


@pytest.mark.parametrize("text, cue, subject, clause", REAL)
def test_real_models_find_the_cue(real_model_dir: str, text: str, cue: str, subject: str,
                                  clause: str) -> None:
    """With real English models the cue verb is found, its subject as speaker, its clause as content."""
    from quotetrace.analyze.stanza import StanzaAnalyzer

    a = StanzaAnalyzer(model_dir=real_model_dir).analyze(text)
    check_structure(a)
    found = [c for c in syntactic_candidates(a) if c.cue.of(text) == cue]
    assert found, [(c.cue.of(text), c.rule) for c in syntactic_candidates(a)]
    assert _overlaps(found[0].speaker, text, subject)
    assert any(_overlaps(s, text, clause) for s in found[0].content)
