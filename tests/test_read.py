"""Reading articles: files, folders, JSONL and stdin; encodings; bad input gets a clear message."""

from __future__ import annotations

import codecs
import json
import warnings
from pathlib import Path

import pytest

from quotetrace import Article, DecodeWarning, InputError, Unreadable, read_articles
from quotetrace.read import decode, iter_articles, parse_date

from .conftest import SEEDS


def read_one(path: Path) -> Article | Unreadable:
    (item,) = list(read_articles(path))
    return item


def test_file_id_is_stem_and_text_is_exact(tmp_path: Path) -> None:
    """The id is the file stem and the text keeps every byte, CRLF newlines included."""
    p = tmp_path / "story-1.txt"
    p.write_bytes("Line one.\r\n\r\n“Two,” she said.\n".encode())
    art = read_one(p)
    assert art.id == "story-1"
    assert art.text == "Line one.\r\n\r\n“Two,” she said.\n"
    assert art.path == str(p)


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    """A folder yields its .txt files, subfolders included, sorted by path."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read_articles(tmp_path)] == ["a", "z"]


def test_seed_date_line_sets_date() -> None:
    """The seeds' leading ' date 2025-04-25 …' line becomes Article.date and stays in the text."""
    arts = {a.id: a for a in read_articles(SEEDS)}
    assert arts["000_2273eac947c6bda1"].date == "2025-04-25"
    assert arts["000_2273eac947c6bda1"].text.startswith(" date 2025-04-25")
    assert arts["001_be27b18d7a417ea1"].date is None


def test_jsonl_articles_with_metadata(tmp_path: Path) -> None:
    """JSONL gives one article per line with its id and metadata; a bad line is reported alone."""
    p = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a1", "text": "“Yes,” he said.", "date": "2024-01-02", "outlet": "X"}),
             "{not json",
             json.dumps({"id": "a3", "text": "Fine."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles(p))
    assert [type(i).__name__ for i in items] == ["Article", "Unreadable", "Article"]
    assert items[0].date == "2024-01-02" and items[0].outlet == "X"
    assert "batch.jsonl:2" in items[1].message


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' reads one article from standard input."""
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("“Hi,” she said.".encode())))
    (art,) = list(read_articles("-"))
    assert art.id == "stdin" and art.text == "“Hi,” she said."


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    """A byte-order mark is dropped and its encoding used."""
    assert decode(bom + "“Ça va,” dit-il.".encode(codec)) == "“Ça va,” dit-il."


def test_utf16_without_bom() -> None:
    """UTF-16 without a mark is recognised rather than refused as binary."""
    assert decode("He said “no” twice.".encode("utf-16-le")) == "He said “no” twice."


def test_cp1252_fallback_warns_with_file_name(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are read as cp1252, with a warning naming the file."""
    p = tmp_path / "old.txt"
    p.write_bytes("He said \u201cn\u00e9e\u201d.".encode("cp1252"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        art = read_one(p)
    assert art.text == "He said “née”."
    assert any(issubclass(w.category, DecodeWarning) and "old.txt" in str(w.message) for w in caught)


@pytest.mark.parametrize("data, words", [(b"", "empty"), (b"  \n\t ", "empty"),
                                          (bytes(range(256)) * 40, "binary")],
                         ids=["empty", "blank", "binary"])
def test_bad_files_get_one_line_messages(tmp_path: Path, data: bytes, words: str) -> None:
    """Empty and binary files become an Unreadable with a one-line message naming the file."""
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    item = read_one(p)
    assert isinstance(item, Unreadable)
    assert words in item.message and "bad.txt" in item.message and "\n" not in item.message


def test_missing_path_raises_for_python_callers() -> None:
    """read_articles() raises FileNotFoundError for a path that does not exist; the batch reader
    under the command line and extract_all() reports it and goes on."""
    with pytest.raises(FileNotFoundError, match="no such file"):
        list(read_articles("no/such/file.txt"))
    (item,) = list(iter_articles("no/such/file.txt"))
    assert isinstance(item, Unreadable) and "no such file" in item.message


def test_decode_refuses_binary() -> None:
    """decode() raises InputError, a ValueError, for binary bytes."""
    with pytest.raises(InputError):
        decode(b"\x00\x01\x02\x03" * 100)


def test_parse_date() -> None:
    """Only a leading date metadata line counts."""
    assert parse_date(" date 2025-04-25 By someone") == "2025-04-25"
    assert parse_date("The date 2025-04-25 was") is None
