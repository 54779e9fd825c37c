"""The tracing benchmark corpus (quotetrace.benchmark, run as scripts/trace_corpus.py) and its
scorer (scripts/score_trace.py), built from the seed articles only."""

from __future__ import annotations

import collections
import difflib
import json
import re

import pytest

from quotetrace import Article, read_articles
from quotetrace.benchmark import answers as tc_answers, command, generate, score as score_trace
from quotetrace.benchmark import bases as tc_bases, edits, knobs, words as tc_words

from ..conftest import SEEDS

N_ARTICLES = 40
SEEDS_TRIED = (0, 1, 2)


@pytest.fixture(scope="module")
def bases() -> list[Article]:
    return [a for a in read_articles(SEEDS) if isinstance(a, Article)]


@pytest.fixture(scope="module", params=SEEDS_TRIED)
def corpus(request: pytest.FixtureRequest, bases: list[Article]) -> tuple[dict[str, Article], list[dict]]:
    articles, answers = generate(bases, N_ARTICLES, request.param)
    return {a.id: a for a in articles}, answers


def occurrences(answers: list[dict], relation: str | None = None, edit: str = "") -> list[dict]:
    return [a for a in answers if a["kind"] == "occurrence"
            and (relation is None or a["relation"] == relation) and edit in a["edit"]]


def words(text: str) -> list[str]:
    return tc_words.words_of(text)


def source_words(arts: dict[str, Article], a: dict) -> list[str]:
    return words(arts[a["source_article"]].text[a["source_start"]:a["source_end"]])


# --- the corpus as a whole -------------------------------------------------------------------------


def test_same_seed_same_corpus(bases: list[Article]) -> None:
    """The same bases and seed give the same articles and answers; another seed another corpus."""
    first = generate(bases, N_ARTICLES, 7)
    assert generate(bases, N_ARTICLES, 7) == first
    assert generate(bases, N_ARTICLES, 8) != first


def test_cli_writes_identical_files(tmp_path, capsys) -> None:  # noqa: ANN001
    """Two runs of the command with one seed write byte-identical files, and the manifest counts
    what the answers hold."""
    for out in ("a", "b"):
        assert command.main([str(SEEDS), "--out", str(tmp_path / out), "--articles", "20", "--seed", "3"]) == 0
    for name in ("articles.jsonl", "answers.jsonl", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))
    answers = [json.loads(line) for line in (tmp_path / "a" / "answers.jsonl").open(encoding="utf-8")]
    relations = collections.Counter(a["relation"] for a in answers if a["kind"] == "occurrence")
    assert manifest["counts"]["relations"] == {r: relations.get(r, 0) for r in knobs.RELATIONS}
    assert manifest["counts"]["articles"] == 20
    assert manifest["parameters"] == {"bases": [str(SEEDS)], "articles": 20, "seed": 3, "answers": "extractor"}
    lines = (tmp_path / "a" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [sorted(json.loads(line)) for line in lines[:1]] == [["date", "id", "outlet", "text"]]


def test_sizes(corpus) -> None:  # noqa: ANN001
    """All five seeds are bases, the rest derived from them, each ``<base>~d<k>``."""
    arts, answers = corpus
    assert len(arts) == N_ARTICLES
    derived = [i for i in arts if "~d" in i]
    assert len(derived) == N_ARTICLES - 5
    sources = {a["article"]: a["source"] for a in answers
               if a["kind"] == "derivation" and a["via"] == "base"}
    assert sorted(sources) == sorted(derived)
    assert all(d.split("~")[0] == s for d, s in sources.items())


def test_offsets_slice_the_text(corpus) -> None:  # noqa: ANN001
    """Every answer's offsets slice exactly its text, and every source offset its source's words."""
    arts, answers = corpus
    for a in answers:
        if a["kind"] == "derivation":
            assert a["article"] in arts and a["source"] in arts
            continue
        text = arts[a["article"]].text
        assert 0 <= a["start"] < a["end"] <= len(text)
        assert text[a["start"]:a["end"]] == a["text"]
        if a["kind"] == "occurrence":
            src = arts[a["source_article"]].text
            assert 0 <= a["source_start"] < a["source_end"] <= len(src)


def test_every_edit_kind_appears(corpus) -> None:  # noqa: ANN001
    """About 40 articles from the five seeds hold every relation and every kind of edit."""
    _, answers = corpus
    relations = {a["relation"] for a in occurrences(answers)}
    assert relations == set(knobs.RELATIONS)
    edits = " | ".join(a["edit"] for a in occurrences(answers))
    for what in ("carried", "cut to words", "substituted", "moved", "dropped the marks", "gave the quote to",
                 "promoted reported speech", "invented a quote"):
        assert what in edits, what
    assert any(a["kind"] == "derivation" and a["via"] == "narrator" for a in answers)


def test_dates(corpus) -> None:  # noqa: ANN001
    """Every base is dated and earlier than each of its dated derived articles."""
    arts, _ = corpus
    for art in arts.values():
        if "~d" not in art.id:
            assert art.date
        elif art.date is not None:
            assert art.date > arts[art.id.split("~")[0]].date
        assert tc_bases._DATE_LINE.match(art.text) is None or tc_bases._DATE_LINE.match(art.text).group("date") == art.date


def test_one_answer_per_passage(corpus) -> None:  # noqa: ANN001
    """No two occurrence answers of an article overlap."""
    _, answers = corpus
    by_article = collections.defaultdict(list)
    for a in occurrences(answers):
        by_article[a["article"]].append((a["start"], a["end"]))
    for spans in by_article.values():
        spans.sort()
        assert all(b[0] >= a[1] for a, b in zip(spans, spans[1:]))


# --- structural truths, kind by kind ---------------------------------------------------------------


def test_verbatim_and_original(corpus) -> None:  # noqa: ANN001
    """A verbatim occurrence has the words of its original, which is the base passage itself."""
    arts, answers = corpus
    originals = {(a["article"], a["start"], a["end"]) for a in occurrences(answers, "original")}
    for a in occurrences(answers, "verbatim"):
        assert words(a["text"]) == source_words(arts, a)
        assert (a["source_article"], a["source_start"], a["source_end"]) in originals


def test_excerpt_is_a_run_of_the_source(corpus) -> None:  # noqa: ANN001
    """An excerpt's words are a contiguous run of 3 words or more, and at most 70%, of a source
    quote of 6 words or more."""
    arts, answers = corpus
    for a in occurrences(answers, "excerpt"):
        got, src = words(a["text"]), source_words(arts, a)
        assert len(src) >= 6 and 3 <= len(got) <= 0.7 * len(src)
        assert any(src[i:i + len(got)] == got for i in range(len(src) - len(got) + 1))


def _real(word: str, arts: dict[str, Article]) -> bool:
    known = {w for ws in edits.SUBSTITUTES.values() for w in ws} | set(edits.SYNONYMS.values()) | set(edits.INSERTS)
    return word.isalpha() and (word in known or any(word in words(b.text) for b in arts.values()
                                                    if "~d" not in b.id))


def test_altered_differs_by_real_words_inside(corpus) -> None:  # noqa: ANN001
    """An altered quote differs from its source by one or two real words, substituted, inserted or
    deleted away from its ends, so it is neither an excerpt nor an expansion."""
    arts, answers = corpus
    for a in occurrences(answers, "altered"):
        got, src = words(a["text"]), source_words(arts, a)
        assert got != src and got[0] == src[0] and got[-1] == src[-1]
        changes = [op for op in difflib.SequenceMatcher(a=src, b=got, autojunk=False).get_opcodes()
                   if op[0] != "equal"]
        assert 1 <= len(changes) <= 2
        for _, i1, i2, j1, j2 in changes:
            assert i2 - i1 <= 1 and j2 - j1 <= 1
            assert all(_real(w, arts) for w in got[j1:j2])


def test_expanded_takes_the_narrators_words(corpus) -> None:  # noqa: ANN001
    """An expanded quote is its source's words plus one to three of the words the source article
    has just outside the marks, in the same sentence."""
    arts, answers = corpus
    for a in occurrences(answers, "expanded"):
        got, src = words(a["text"]), source_words(arts, a)
        text = arts[a["source_article"]].text
        line_start = text.rfind("\n", 0, a["source_start"]) + 1
        line_end = text.find("\n", a["source_end"])
        before = words(text[line_start:a["source_start"] - 1])
        after = words(text[a["source_end"] + 1:len(text) if line_end < 0 else line_end])
        splits = [(k1, k2) for k1 in range(4) for k2 in range(4) if 1 <= k1 + k2 <= 3]
        assert any(got == before[len(before) - k1:] + src + after[:k2] for k1, k2 in splits), a


def test_paraphrase_drops_the_marks(corpus) -> None:  # noqa: ANN001
    """A paraphrase made by dropping the marks keeps the words of a 6-word quote, out of marks."""
    arts, answers = corpus
    found = occurrences(answers, "paraphrase", "dropped the marks")
    assert found
    for a in found:
        text = arts[a["article"]].text
        assert words(a["text"]) == source_words(arts, a) and len(words(a["text"])) >= 6
        assert text[a["start"] - 1] not in "“\"" and text[a["end"]:a["end"] + 1] not in ("”", '"')


def test_misattributed_names_someone_else(corpus) -> None:  # noqa: ANN001
    """A misattributed quote keeps its words and names, in its paragraph, a speaker whose surname
    differs from the original speaker's."""
    arts, answers = corpus
    for a in occurrences(answers, "misattributed"):
        assert tc_words.surname(a["given_to"]).lower() != tc_words.surname(a["speaker"]).lower()
        assert words(a["text"]) == source_words(arts, a)
        text = arts[a["article"]].text
        line = text[text.rfind("\n", 0, a["start"]) + 1:text.find("\n", a["end"]) % (len(text) + 1)]
        assert a["given_to"] in line


def test_promoted_speech_is_unsupported_with_its_paraphrase(corpus) -> None:  # noqa: ANN001
    """Reported speech promoted into a quote is unsupported; its source is the base's reported
    words, which are a paraphrase occurrence of the same family."""
    arts, answers = corpus
    paraphrases = {(a["article"], a["start"], a["end"], a["family"]) for a in occurrences(answers, "paraphrase")}
    found = occurrences(answers, "unsupported")
    assert found
    for a in found:
        assert words(a["text"]) == source_words(arts, a)
        assert len([w for w in words(a["text"]) if tc_words.is_content(w)]) >= 6
        assert a["source_article"] == a["article"].split("~")[0]
        assert (a["source_article"], a["source_start"], a["source_end"], a["family"]) in paraphrases
        text = arts[a["article"]].text
        assert text[a["start"] - 1] in "“\"" and a["speaker"] in text[a["end"]:a["end"] + 80]


def test_invented_words_appear_nowhere_else(corpus) -> None:  # noqa: ANN001
    """An invented quote's content words appear in no other article of the corpus."""
    arts, answers = corpus
    vocab = {i: set(words(a.text)) for i, a in arts.items()}
    found = occurrences(answers, "single-source", "invented")
    assert found
    for a in found:
        content = [w for w in words(a["text"]) if tc_words.is_content(w)]
        assert len(content) >= 2
        for other, ws in vocab.items():
            if other != a["article"]:
                assert not set(content) & ws, (a["text"], other)


def test_derived_articles_keep_realistic_length(corpus, bases: list[Article]) -> None:  # noqa: ANN001
    """Derived articles stay within the length range of their bases, give or take a third."""
    arts, _ = corpus
    sizes = {b.id: len(b.text.split()) for b in bases}
    for i, art in arts.items():
        if "~d" in i:
            base = sizes[i.split("~")[0]]
            assert 0.5 * base <= len(art.text.split()) <= 1.5 * base


def test_the_extractor_sees_the_answers(bases: list[Article]) -> None:
    """The project's extractor finds nearly every quoted answer of the derived articles where the
    answers put it, credited to the answer's speaker (what --verify checks)."""
    articles, answers = generate(bases, N_ARTICLES, 1)
    problems = tc_answers.verify(articles, answers)
    checked = [a for a in occurrences(answers) if "~d" in a["article"] and a["relation"] != "paraphrase"]
    assert len(problems) <= 0.05 * len(checked), problems
    aside = tc_answers.set_aside(answers, problems)
    assert len(aside) == len(answers)
    unscored = {(a["article"], a["start"], a["end"]) for a in aside if a["kind"] == "unscored"}
    assert all((p["article"], p["start"], p["end"]) in unscored for p in problems)


# --- the scorer ------------------------------------------------------------------------------------


def perfect_trace(answers: list[dict]) -> dict:
    families = collections.defaultdict(list)
    for a in occurrences(answers):
        families[a["family"]].append({k: a[k] for k in ("article", "start", "end", "text", "relation")})
    return {"articles": [], "speakers": [],
            "families": [{"id": k, "occurrences": v} for k, v in families.items()],
            "derivations": [{"article": a["article"], "source": a["source"]}
                            for a in answers if a["kind"] == "derivation"]}


def test_perfect_trace_scores_one(corpus) -> None:  # noqa: ANN001
    """A trace that says what the answers say scores 1.0 for every relation and derivation."""
    _, answers = corpus
    result = score_trace.score(answers, perfect_trace(answers))
    for name, r in result["relations"].items():
        assert (r["precision"], r["recall"]) == (1.0, 1.0), name
    assert result["overall"]["f1"] == 1.0 and result["derivations"]["f1"] == 1.0
    assert result["misses"] == []


def _toy_answers() -> list[dict]:
    def occ(article: str, start: int, end: int, relation: str, family: str) -> dict:
        return {"kind": "occurrence", "article": article, "start": start, "end": end, "text": "",
                "relation": relation, "family": family}
    return [
        occ("b", 10, 40, "original", "f1"), occ("b", 100, 140, "original", "f2"),
        occ("b~d1", 10, 40, "verbatim", "f1"), occ("b~d1", 100, 130, "excerpt", "f2"),
        occ("b~d1", 200, 240, "altered", "f3"),
        {"kind": "unscored", "article": "b~d1", "start": 300, "end": 400, "text": "", "reason": "x",
         "family": None},
        {"kind": "derivation", "article": "b~d1", "source": "b", "via": "base"},
    ]


def _trace(*occs: tuple[str, int, int, str], derivations: tuple = (("b~d1", "b"),)) -> dict:
    return {"families": [{"id": f"t{k}", "occurrences": [
        {"article": a, "start": s, "end": e, "relation": r, "evidence": []}]} for k, (a, s, e, r) in enumerate(occs)],
        "derivations": [{"article": a, "source": s} for a, s in derivations]}


GOOD = (("b", 10, 40, "original"), ("b", 100, 140, "original"), ("b~d1", 10, 40, "verbatim"),
        ("b~d1", 100, 130, "excerpt"), ("b~d1", 200, 240, "altered"))


def test_wrong_label_costs_precision_of_one_recall_of_other() -> None:
    """Calling a verbatim copy excerpt costs the recall of verbatim and the precision of excerpt,
    and nothing else."""
    wrong = tuple(("b~d1", 10, 40, "excerpt") if o == ("b~d1", 10, 40, "verbatim") else o for o in GOOD)
    r = score_trace.score(_toy_answers(), _trace(*wrong))["relations"]
    assert (r["verbatim"]["precision"], r["verbatim"]["recall"]) == (None, 0.0)
    assert (r["excerpt"]["precision"], r["excerpt"]["recall"]) == (0.5, 1.0)
    assert r["original"]["f1"] == r["altered"]["f1"] == 1.0


@pytest.mark.parametrize(("extra", "counted"), [
    (("b~d1", 500, 540, "verbatim"), True),      # an occurrence in a derived article with no answer
    (("b", 500, 540, "verbatim"), False),        # in a base article, outside any answer: not scored
    (("b~d1", 310, 350, "verbatim"), False),     # inside an unscored region
])
def test_unanswered_occurrences(extra: tuple, counted: bool) -> None:
    """An occurrence without an answer is a false positive in a derived article only, and never
    inside an unscored region."""
    r = score_trace.score(_toy_answers(), _trace(*GOOD, extra))["relations"]["verbatim"]
    assert r["precision"] == (0.5 if counted else 1.0) and r["recall"] == 1.0


def test_spans_match_by_dice() -> None:
    """A trace span matches an answer when their Dice coefficient is 0.5 or more, one to one."""
    shifted = tuple((a, s + 5, e + 5, r) for a, s, e, r in GOOD)  # Dice 0.83 or more
    assert score_trace.score(_toy_answers(), _trace(*shifted))["overall"]["f1"] == 1.0
    far = tuple((a, s + 25, e + 25, r) for a, s, e, r in GOOD)  # Dice 0.38 or less
    result = score_trace.score(_toy_answers(), _trace(*far))
    assert result["overall"]["recall"] == 0.0
    twice = GOOD + (("b~d1", 12, 40, "verbatim"),)
    assert score_trace.score(_toy_answers(), _trace(*twice))["relations"]["verbatim"]["precision"] == 0.5


def test_reported_speech_evidence_stands_for_a_paraphrase() -> None:
    """A base's reported speech given as evidence of an unsupported quote counts as its paraphrase."""
    answers = [{"kind": "occurrence", "article": "b", "start": 10, "end": 60, "text": "",
                "relation": "paraphrase", "family": "r"},
               {"kind": "occurrence", "article": "b~d1", "start": 10, "end": 60, "text": "",
                "relation": "unsupported", "family": "r"},
               {"kind": "derivation", "article": "b~d1", "source": "b", "via": "base"}]
    trace = {"families": [{"id": "f", "occurrences": [
        {"article": "b~d1", "start": 10, "end": 60, "relation": "unsupported",
         "evidence": [{"article": "b", "start": 12, "end": 60, "role": "reported-speech"}]}]}],
        "derivations": []}
    result = score_trace.score(answers, trace)
    assert result["relations"]["paraphrase"]["recall"] == 1.0
    assert result["overall"]["f1"] == 1.0
    assert result["derivations"]["recall"] == 0.0


def test_scorer_cli(tmp_path, capsys) -> None:  # noqa: ANN001
    """The command prints a table, or JSON with the misses when asked."""
    answers = tmp_path / "answers.jsonl"
    answers.write_text("\n".join(json.dumps(a) for a in _toy_answers()), encoding="utf-8")
    trace = tmp_path / "trace.json"
    trace.write_text(json.dumps(_trace(*GOOD[:-1])), encoding="utf-8")
    assert score_trace.main([str(answers), str(trace), "--show-misses"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^altered\s+1\s+0\s+0\s+-\s+0\.000", out, re.M)
    assert "missed: b~d1 [200:240] expected altered" in out
    assert score_trace.main([str(answers), str(trace), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["relations"]["altered"]["recall"] == 0.0 and "misses" not in result
