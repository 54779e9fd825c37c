"""The benchmark's annotated mode (``--answers annotated``): quotes and speakers taken from the bases'
own annotations, on small annotated bases these tests write themselves (invented sentences)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quotetrace import Article
from quotetrace.benchmark import command, generate, load_bases
from quotetrace.benchmark.annotated import annotated_quotes, read_annotations, strip_title, with_double_marks


def _record(text: str, content: str, mention: str, cue: str, kind: str = "direct", nth: int = 0) -> dict:
    """An annotation in PolNeAR's form, located by the words it names."""
    s = text.index(content)
    m = text.index(mention, s + len(content)) if nth else text.index(mention)
    c = text.index(cue, m)
    return {"start": s, "end": s + len(content), "spans": [[s, s + len(content)]], "kind": kind,
            "speaker": mention, "speaker_start": m, "speaker_end": m + len(mention),
            "cue": cue, "cue_start": c, "cue_end": c + len(cue)}


TEXT = ("Harbour plan stalls.\n\n"
        "Councillor Ada Marsh opened the meeting on Monday.\n\n"
        "“The harbour plan will cost the town dearly,” Marsh said.\n\n"
        "“We cannot sign it as written,” she added.\n\n"
        "The mayor’s office said the vote had been delayed by a week.")


def test_annotated_quotes_resolve_mentions() -> None:
    """A surname takes the full name the text gives before it, a pronoun the nearest earlier
    annotated person, and reported speech keeps its kind, its speaker typed as a group."""
    records = [_record(TEXT, "The harbour plan will cost the town dearly", "Marsh", "said", nth=1),
               _record(TEXT, "We cannot sign it as written", "she", "added"),
               _record(TEXT, "the vote had been delayed by a week", "The mayor’s office", "said", "indirect")]
    records[2]["speaker_start"] = TEXT.index("The mayor’s office")
    records[2]["speaker_end"] = records[2]["speaker_start"] + len("The mayor’s office")
    quotes = annotated_quotes(Article("a", TEXT), records)
    assert [(q.kind, q.speaker.name, q.speaker.mention, q.speaker.type) for q in quotes] == [
        ("direct", "Ada Marsh", "Marsh", "person"),
        ("direct", "Ada Marsh", "she", "person"),
        ("indirect", "The mayor’s office", "The mayor’s office", "organization")]
    assert [TEXT[s.start:s.end] for s in quotes[0].quoted] == ["The harbour plan will cost the town dearly"]
    assert quotes[2].quoted == ()


@pytest.mark.parametrize(("words", "kept"), [
    ("Foreign Minister Ada Marsh", "Ada Marsh"),
    ("Mr. Marsh", "Marsh"),
    ("Marsh", "Marsh"),
    ("Ukraine’s Ada Marsh", "Ada Marsh"),
])
def test_strip_title(words: str, kept: str) -> None:
    assert " ".join(strip_title(words.split())) == kept


def test_bad_records_are_left_out() -> None:
    """Offsets past the text, or pieces out of order, drop that record alone."""
    good = _record(TEXT, "We cannot sign it as written", "she", "added")
    bad = {**good, "spans": [[5, 9999]]}
    crossed = {**good, "spans": [[40, 50], [30, 45]]}
    assert len(annotated_quotes(Article("a", TEXT), [bad, crossed, good])) == 1


def test_two_apostrophes_are_double_marks() -> None:
    """An archive that types double marks as two apostrophes (''…'') gets one straight mark per
    pair, every offset kept, and a record the data called reported speech for want of marks it
    knew is a quotation again: direct when its piece is wrapped, mixed when it holds one."""
    text = ("Why the vote? ''They pay us a lot, and we need the money,'' Mr. Quill said.\n\n"
            "Ms. Marsh said the plan was ''a gift to the harbour'' and little else.\n\n"
            "She said the town's plan would wait.")
    direct = _record(text, "''They pay us a lot, and we need the money,''", "Mr. Quill", "said", "indirect")
    mixed = _record(text, "the plan was ''a gift to the harbour'' and little else", "Ms. Marsh", "said", "indirect")
    plain = _record(text, "the town's plan would wait", "She", "said", "indirect")
    article, records = with_double_marks(Article("a", text), [direct, mixed, plain])
    assert len(article.text) == len(text) and "''" not in article.text
    assert article.text[direct["start"]:direct["end"]].strip() == '"They pay us a lot, and we need the money,"'
    assert [r["kind"] for r in records] == ["direct", "mixed", "indirect"]
    quotes = annotated_quotes(article, records)
    assert [article.text[s.start:s.end] for s in quotes[1].quoted] == ["a gift to the harbour"]


#: Words of each invented base, so that no two bases share a run of words.
_TOPICS = [("ferry", "winter storms", "northern pier", "evening crossing"),
           ("library", "roof repairs", "reading room", "children's hour"),
           ("tram", "track faults", "harbour loop", "midnight service"),
           ("market", "stall rents", "covered square", "saturday opening")]
_NAMES = [("Ada", "Marsh"), ("Tomas", "Quill"), ("Rena", "Okoro"), ("Ivo", "Brandt"), ("Lia", "Serrat")]


def _bases(tmp_path: Path, n: int = 4) -> Path:
    """A JSONL file of annotated articles, each a council story with two quoted speakers."""
    path = tmp_path / "bases.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            first, last = _NAMES[k % len(_NAMES)]
            f2, l2 = _NAMES[(k + 1) % len(_NAMES)]
            topic, trouble, place, service = _TOPICS[k % len(_TOPICS)]
            said = f"The {topic} cannot survive more {trouble} without money"
            answered = f"Our plan keeps the {place} and the {service} for {topic} users"
            text = (f"The {topic} vote\n\n{first} {last} spoke at the hall about {trouble}.\n\n"
                    f"“{said},” {last} said.\n\n“{answered},” {f2} {l2} said.\n\n"
                    f"The council meets about the {place} again in spring.")
            quotes = [_record(text, said, last, "said", nth=1), _record(text, answered, f"{f2} {l2}", "said")]
            fh.write(json.dumps({"doc_id": f"b{k}", "publication_date": f"2024-03-0{k + 1}",
                                 "publisher": "Test Wire", "text": text, "quotes": quotes}) + "\n")
    return path


def test_generate_takes_answers_from_the_annotations(tmp_path: Path) -> None:
    """Every base passage is an annotated one, with the annotated (resolved) speaker, and no
    answer credits anyone the annotations do not name, or a planted replacement."""
    path = _bases(tmp_path)
    annotations = read_annotations(path)
    articles, answers = generate(load_bases([str(path)]), 40, 3, annotations)
    base_ids = {a.id for a in articles if "~" not in a.id}
    occurrences = [a for a in answers if a["kind"] == "occurrence"]
    base_passages = {a["text"] for a in occurrences if a["article"] in base_ids}
    assert base_passages and all("cannot survive" in t or "Our plan keeps" in t for t in base_passages)
    speakers = {a["speaker"] for a in occurrences if a["relation"] != "single-source"}
    assert speakers <= {"Ada Marsh", "Tomas Quill", "Rena Okoro", "Ivo Brandt", "Lia Serrat"}


def test_generate_names_speakers_by_surname_alone_sometimes(tmp_path: Path) -> None:
    """Derived articles of the annotated mode now and then credit ``Quill said`` where the base has
    ``Tomas Quill said``; the answer's speaker stays the full name."""
    path = _bases(tmp_path)
    articles, answers = generate(load_bases([str(path)]), 60, 1, read_annotations(path))
    derived = [a for a in articles if "~" in a.id]
    full = [a.id for a in derived if re.search(r"users,” [A-Z]\w+ [A-Z]\w+ said", a.text)]
    alone = [a.id for a in derived if re.search(r"users,” [A-Z]\w+ said", a.text)]
    assert full and alone
    credited = {a["speaker"] for a in answers if a["kind"] == "occurrence" and a["article"] in alone
                and "Our plan keeps" in a["text"]}
    assert credited and all(" " in name for name in credited)


def test_gold_file_in_the_seeds_form(tmp_path: Path) -> None:
    """A gold file that addresses quotes by their text, with each speaker's mentions, is read."""
    gold = {"speakers": {"Ada Marsh": ["Marsh", "Councillor Ada Marsh"]},
            "direct_quotes": {"required": [{"article": "a", "text": "We cannot sign it as written",
                                            "speaker": "Ada Marsh", "cue": "added"}]},
            "reported_speech": {"bonus": []}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    records = read_annotations(path)
    quotes = annotated_quotes(Article("a", TEXT), records["a"])
    assert [(q.text, q.speaker.name, q.speaker.mention) for q in quotes] == [
        ("We cannot sign it as written", "Ada Marsh", "Marsh")]


def test_command(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = _bases(tmp_path)
    out = tmp_path / "corpus"
    assert command.main([str(path), "--out", str(out), "--articles", "12", "--answers", "annotated"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["answers"] == "annotated"
    assert command.main([str(path), "--out", str(out), "--answers", "annotated", "--verify"]) == 2
    assert "--verify" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "want"), [
    ("Asked about it, Ada Marsh smiled. Later Marsh said the plan was sound.", "Ada Marsh"),
    ("Tom Marsh and Ada Marsh spoke. Ada Marsh left. Marsh said the plan was sound.", "Ada Marsh"),
    ("Speaking to the Harbour Times Marsh said the plan was sound.", "Marsh"),
])
def test_a_surname_takes_the_articles_full_name(text: str, want: str) -> None:
    """The full name the article gives most often before the mention; never the tail of a longer
    run of capitals (an outlet's name)."""
    at = text.rindex("Marsh said")
    record = {"start": at + 11, "end": len(text) - 1, "spans": [[at + 11, len(text) - 1]],
              "kind": "indirect", "speaker_start": at, "speaker_end": at + 5}
    assert annotated_quotes(Article("a", text), [record])[0].speaker.name == want


def test_a_relative_pronoun_takes_the_name_before_it() -> None:
    text = "Tom Quill spoke first. Councillor Ada Marsh, who said the plan was sound, left early."
    at = text.index("who")
    record = {"start": at + 9, "end": at + 31, "kind": "indirect", "speaker_start": at, "speaker_end": at + 3}
    assert annotated_quotes(Article("a", text), [record])[0].speaker.name == "Ada Marsh"


@pytest.mark.parametrize(("text", "mention", "want"), [
    ("The activist spoke. Activist Ada Marsh said the plan was sound.", "Activist Ada Marsh", "Ada Marsh"),
    ("Not many agree. Many Voters said the plan was sound.", "Many Voters", "Voters"),
    ("Ada Marsh said the plan was sound.", "Ada Marsh", "Ada Marsh"),
])
def test_leading_common_words_leave_the_name(text: str, mention: str, want: str) -> None:
    """A word the text also writes in lower case is no part of a name (it would otherwise become
    someone a quote is handed to)."""
    at = text.index(mention)
    record = {"start": at + len(mention) + 6, "end": len(text) - 1, "kind": "indirect",
              "speaker_start": at, "speaker_end": at + len(mention)}
    assert annotated_quotes(Article("a", text), [record])[0].speaker.name == want


def test_no_quote_is_handed_to_a_role_a_headline_credits_or_to_a_group(tmp_path: Path) -> None:
    """A title-case headline credits roles written as names ("Retired General Warns …"), and a
    group may be typed as a person ("Hispanic Republicans"): the generator hands quotes to people
    the bases credit in their text, never to such a role or group."""
    path = _bases(tmp_path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows[:1]:  # one base's: the others may be handed what it credits
        said = "We will fight the harbour tax at every meeting"
        row["text"] += f"\n\n“{said},” Hispanic Republicans said."
        row["quotes"].append(_record(row["text"], said, "Hispanic Republicans", "said"))
        headline = "Retired General Warns Of Delays At The Hall.\n\n"
        row["text"] = headline + row["text"]
        for q in row["quotes"]:
            for key in ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end"):
                q[key] += len(headline)
            q["spans"] = [[a + len(headline), b + len(headline)] for a, b in q["spans"]]
        row["quotes"].append(_record(row["text"], "Of Delays At The Hall", "Retired General", "Warns", kind="indirect"))
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    articles, answers = generate(load_bases([str(path)]), 200, 2, read_annotations(path))
    given = {a["given_to"] for a in answers if a["kind"] == "occurrence" and a["relation"] == "misattributed"}
    assert given and not given & {"Retired General", "Hispanic Republicans"}
