"""Read articles from files, folders, JSONL and standard input.

The text of an article is exactly the decoded file: newlines stay as they are and every offset
the library reports indexes this string. Decoding, in order:

1. a UTF-8 byte-order mark is dropped; UTF-16 and UTF-32 with a byte-order mark are decoded;
2. UTF-16 without a mark is recognised by its many NUL bytes in one column;
3. anything else is UTF-8, and bytes that are not UTF-8 fall back to cp1252 (the usual culprit
   in news archives) with a :class:`DecodeWarning` naming the file.

A source that cannot be read yields a :class:`Unreadable` in its place, so one bad file never
stops a batch.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs
import regex

from .dates import normalize_date
from .errors import DecodeError, ExtraError, InputError, NotFoundError, ReadError
from .model import Article
from .web import is_page, is_warc, read_page, read_warc

#: Files larger than this are refused with a message instead of being read into memory whole.
MAX_BYTES = 256 * 1024 * 1024

# " date 2025-04-25 By …": the metadata line some scrapers put before the article body.
_DATE_LINE = regex.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


class DecodeWarning(UserWarning):
    """Bytes of an article were not UTF-8 and were read as cp1252.

    >>> import pathlib, tempfile, warnings
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "latin.txt"
    >>> _ = path.write_bytes("“Naïve,” she said.".encode("cp1252"))
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     article = next(read_articles(path))
    >>> article.text, caught[0].category.__name__
    ('“Naïve,” she said.', 'DecodeWarning')
    """


class DuplicateWarning(UserWarning):
    """A web page met twice (the same canonical URL, or the same text) is read once."""


class DateWarning(UserWarning):
    """An article's date was written in another form than ISO and was normalised, or it was no
    date at all and the article is read without one (see ``quotetrace/dates.py``).

    >>> import json, pathlib, tempfile, warnings
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "dated.jsonl"
    >>> _ = path.write_text(json.dumps({"id": "a1", "text": "“Yes,” she said.", "date": "Apr 20, 2025"}))
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     article = next(read_articles(path))
    >>> article.date, str(caught[0].message).split(": ", 1)[1]
    ('2025-04-20', "date 'Apr 20, 2025' read as 2025-04-20")
    """


@attrs.frozen
class Unreadable:
    """A source that could not be turned into an article, and why.

    >>> next(read_articles("empty.txt", "seeds/"))  # doctest: +SKIP
    Unreadable(id='empty', path='empty.txt', message='empty.txt: empty article (no text)')
    """

    id: str
    path: str | None
    message: str


def parse_date(text: str) -> str | None:
    """The ISO date of a leading ``date YYYY-MM-DD`` metadata line, if there is one."""
    m = _DATE_LINE.match(text[:200])
    return m.group(1) if m else None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode the bytes of one article (see the module docstring for the order of attempts).

    Raises :class:`InputError` for empty or binary input.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{name}: starts with a {codec} byte-order mark but is not {codec}: {exc.reason}") from None
            return check_text(text, name)
    codec = _utf16_without_bom(data)
    if codec:
        try:
            return check_text(data.decode(codec), name)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks binary (NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.warn(DecodeWarning(f"{name}: not valid UTF-8 (byte {exc.start}); read as cp1252"),
                      stacklevel=2)
        # cp1252 leaves five bytes undefined; they become U+FFFD so offsets stay one per byte.
        text = data.decode("cp1252", errors="replace")
    return check_text(text, name)


def check_text(text: str, name: str) -> str:
    """``text`` when it is something to analyse; :class:`InputError` when empty or binary."""
    if not text.strip():
        raise InputError(f"{name}: empty article (no text)")
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > 0.01 * len(sample) + 2:
        raise InputError(f"{name}: looks binary ({controls} control characters in the first "
                          f"{len(sample)}), not an article")
    return text


def article_from_text(text: str, id: str = "text", **meta: str | None) -> Article:
    """An :class:`Article` from a string, with the date of a leading metadata line if any."""
    if meta.get("date") is None:
        meta["date"] = parse_date(text)
    return Article(id=id, text=text, **meta)


def _read_bytes(fh: BinaryIO, name: str) -> bytes:
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // 2**20} MiB; split it into articles")
    return data


def read_file(path: str | os.PathLike[str]) -> Article:
    """Read one plain-text article; its id is the file stem."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            data = _read_bytes(fh, str(p))
    except OSError as exc:
        raise ReadError(f"{p}: cannot read: {exc.strerror or exc}") from None
    return article_from_text(decode(data, str(p)), id=p.stem, path=str(p))


_META = ("date", "outlet", "url", "title")


def read_jsonl(path: str | os.PathLike[str] | None, lines: Iterable[bytes] | None = None) -> Iterator[Article | Unreadable]:
    """Articles from JSONL, one object per line with ``id``, ``text`` and optional metadata.

    A line that is not UTF-8 is read as cp1252 with a :class:`DecodeWarning`; a date in another
    form than ISO is normalised, or dropped when it is no date, with a :class:`DateWarning`; a
    text holding a lone surrogate (``\\ud83d``: half an emoji) is kept exact, with a warning."""
    name = str(path) if path is not None else "<stdin>"
    if lines is None:
        try:
            fh = open(path, "rb")  # type: ignore[arg-type]
        except OSError as exc:
            yield Unreadable(Path(name).stem, name, f"{name}: cannot read: {exc.strerror or exc}")
            return
        with fh:
            yield from read_jsonl(path, fh)
        return
    for lineno, raw in enumerate(lines, 1):
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            yield _jsonl_article(_decode_line(raw, where), name, where, lineno)
        except (ValueError, InputError) as exc:
            msg = str(exc) if isinstance(exc, InputError) else f"{where}: bad JSONL line: {exc}"
            yield Unreadable(f"{Path(name).stem}:{lineno}", name, msg)


def _decode_line(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.warn(DecodeWarning(f"{where}: not valid UTF-8 (byte {exc.start}); read as cp1252"), stacklevel=3)
        return raw.decode("cp1252", errors="replace")


def _jsonl_article(line: str, name: str, where: str, lineno: int) -> Article:
    obj = json.loads(line)
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ValueError("expected an object with a string 'text'")
    art_id = _jsonl_id(obj, f"{Path(name).stem}:{lineno}")
    text = check_text(obj["text"], f"{where} ({art_id})")
    bad = _SURROGATE.search(text)
    if bad:
        warnings.warn(DecodeWarning(f"{where} ({art_id}): text holds a lone surrogate at offset {bad.start()} "
                                    "(half of a character cut in two); kept exact in JSON, shown as U+FFFD "
                                    "elsewhere"), stacklevel=3)
    meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in _META}
    meta["date"] = _date(meta["date"], f"{where} ({art_id})")
    return article_from_text(text, id=art_id, path=name, **meta)


def _jsonl_id(obj: dict, fallback: str) -> str:
    """The id of a JSONL article: a non-empty string or a whole number; none at all is
    ``file:line``."""
    for key in ("id", "doc_id"):
        if key not in obj or obj[key] is None:
            continue
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError(f"'{key}' must be a string or a whole number, not {type(value).__name__}")
        if isinstance(value, str) and not value.strip():
            raise ValueError(f"'{key}' is empty")
        return str(value)
    return fallback


def _date(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    try:
        iso, note = normalize_date(value)
    except InputError as exc:
        warnings.warn(DateWarning(f"{where}: {exc}; read without a date"), stacklevel=4)
        return None
    if note:
        warnings.warn(DateWarning(f"{where}: {note}"), stacklevel=4)
    return iso


def _looks_like_jsonl(data: bytes) -> bool:
    head = data.lstrip()[:1]
    if head != b"{":
        return False
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and "text" in obj


def _read_stdin() -> Iterator[Article | Unreadable]:
    data = _read_bytes(sys.stdin.buffer, "<stdin>")
    if _looks_like_jsonl(data):
        yield from read_jsonl(None, data.splitlines())
        return
    try:
        yield article_from_text(decode(data, "<stdin>"), id="stdin", path="-")
    except (InputError, DecodeError) as exc:
        yield Unreadable("stdin", "-", str(exc))


def read_articles(*sources: str | os.PathLike[str]) -> Iterator[Article | Unreadable]:
    """Every article in the given files, folders (``*.txt`` and ``*.jsonl``, recursively, through
    symbolic links), JSONL files and ``-`` (standard input), in order.

    A path that does not exist raises :class:`~quotetrace.errors.NotFoundError` (a
    ``FileNotFoundError``); inside what exists, anything that cannot be read (a file, a line, a
    folder without permission) yields an :class:`Unreadable` with a one-line message, so one bad
    item never stops a batch.

    >>> [a.id for a in read_articles("seeds/000_2273eac947c6bda1.txt")]
    ['000_2273eac947c6bda1']
    """
    _check_sources(sources, "read_articles")
    for item in iter_articles(*sources):
        if isinstance(item, _Missing):
            raise NotFoundError(item.message)
        yield item


@attrs.frozen
class _Missing(Unreadable):
    """A path that does not exist (the command line reports it and goes on)."""


def _check_sources(sources: tuple, caller: str) -> None:
    for source in sources:
        if not isinstance(source, (str, os.PathLike)):
            hint = f"; pass paths as separate arguments: {caller}(*paths)" if isinstance(source, (list, tuple)) else ""
            raise TypeError(f"{caller}() takes paths (str or os.PathLike), not {type(source).__name__}{hint}")


def iter_articles(*sources: str | os.PathLike[str]) -> Iterator[Article | Unreadable]:
    """:func:`read_articles` for batches: a path that does not exist yields an
    :class:`Unreadable` too."""
    seen: dict[str, str] = {}  # a web page's URL and text → where it was first read
    for source in sources:
        if str(source) == "-":
            yield from _read_stdin()
            continue
        p = Path(source)
        if p.is_dir():
            files: list[Path | Unreadable] = list(_walk(p))
            if not files:
                yield Unreadable(p.name, str(p), f"{p}: folder holds no .txt, .jsonl, .html or .warc files")
            for f in files:
                if isinstance(f, Unreadable):
                    yield f
                else:
                    yield from _once(_read_path(f), seen)
        elif not p.exists():
            yield _Missing(p.stem, str(p), f"{p}: no such file or folder")
        else:
            yield from _once(_read_path(p), seen)


def _once(items: Iterator[Article | Unreadable], seen: dict[str, str]) -> Iterator[Article | Unreadable]:
    """Web articles met a second time (same canonical URL or same text) are reported, not read."""
    for item in items:
        if isinstance(item, Article) and item.url is not None:
            keys = (f"url {item.url}", f"text {hash(item.text)}")
            first = next((seen[k] for k in keys if k in seen), None)
            if first is not None:
                warnings.warn(DuplicateWarning(f"{item.path}: the same page as {first} (same URL or text); "
                                               "read once"), stacklevel=2)
                continue
            for k in keys:
                seen[k] = item.path or item.id
        yield item


def _walk(folder: Path, seen: set[str] | None = None) -> Iterator[Path | Unreadable]:
    """The ``.txt``, ``.jsonl``, page and WARC files under ``folder``, sorted, through symbolic
    links to folders (each real folder once, so a link loop ends); a folder that cannot be listed
    is an :class:`Unreadable`, never a silent skip."""
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Unreadable(folder.name, str(folder), f"{folder}: cannot read folder: {exc.strerror or exc}")
        return
    for e in entries:
        path = Path(e.path)
        try:
            is_dir = e.is_dir()  # follows a symbolic link
            is_file = not is_dir and e.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, seen)
        elif is_file and (path.suffix in (".txt", ".jsonl") or is_page(path) or is_warc(path)):
            yield path


def _folder_files(folder: Path) -> list[Path]:
    return [f for f in _walk(folder) if isinstance(f, Path)]


def count_articles(*sources: str | os.PathLike[str]) -> int | None:
    """How many items :func:`read_articles` will yield for ``sources``, without reading the
    articles (a JSONL file's lines are counted); None when standard input is among them.

    >>> count_articles("seeds/")
    5
    """
    n = 0
    for source in sources:
        if str(source) == "-":
            return None
        p = Path(source)
        files = (_folder_files(p) or [p]) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".jsonl" and f.is_file():
                try:
                    with open(f, "rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                except OSError:
                    n += 1
            else:
                n += 1
    return n


def _read_path(p: Path) -> Iterator[Article | Unreadable]:
    if p.suffix == ".jsonl":
        yield from read_jsonl(p)
        return
    if is_page(p) or is_warc(p):
        yield from _read_web(p)
        return
    try:
        yield read_file(p)
    except (ReadError, InputError) as exc:
        yield Unreadable(p.stem, str(p), str(exc))


def _read_web(p: Path) -> Iterator[Article | Unreadable]:
    """A web page or a WARC file (see :mod:`.web`); without its extra, one message for the file."""
    try:
        if is_page(p):
            yield _web_dated(read_page(p))
            return
        for item in read_warc(p):
            yield _web_dated(item) if isinstance(item, Article) else Unreadable(item[0], str(p), item[1])
    except (ExtraError, InputError) as exc:
        yield Unreadable(p.stem, str(p), str(exc))


def _web_dated(article: Article) -> Article:
    """A page's date (from its metadata or the WARC record) in ISO, like any other article's:
    normalised with a :class:`DateWarning`, or dropped with one when it is no date."""
    date = _date(article.date, article.path or article.id)
    return article if date == article.date else attrs.evolve(article, date=date)
