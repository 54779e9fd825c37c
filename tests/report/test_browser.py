"""The HTML report in a real browser: headless Chromium opens the page the CLI wrote from
``file://``, the filters hide and show what they should, and no article's markup runs.

Needs Debian's ``chromium`` and ``chromium-driver`` and selenium (the ``test`` extra); the tests
skip, saying why, where they cannot be installed, and fail instead in CI, whose ``.ci/run``
installs them. Screenshots land in the test's ``tmp_path`` for a person to look at.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, SEEDS
from .conftest import CONSTITUTION, FINE_TUNED, HOSTILE

# the screenshot script starts and drives the browser; the test uses the same functions
_spec = importlib.util.spec_from_file_location("report_screenshot", ROOT / "scripts" / "report_screenshot.py")
shots = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(shots)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    paths = shots.browser_paths()
    if isinstance(paths, str):
        if os.environ.get("CI"):
            pytest.fail(f"{paths} (.ci/run installs them: the browser test must run in CI)")
        pytest.skip(paths)
    b = shots.open_browser(tmp_path_factory.mktemp("chromium-profile"), width=1200, height=900)
    try:
        yield b
    finally:
        b.quit()


def write_report(tmp_path: Path, *paths: Path) -> tuple[Path, dict]:
    """The CLI's page for ``paths``, and the same trace as JSON to say what the page must show."""
    page, data = tmp_path / "report.html", tmp_path / "trace.json"
    for fmt, out in (("html", page), ("json", data)):
        proc = subprocess.run([sys.executable, "-m", "quotetrace", "trace", *map(str, paths), "--format", fmt,
                               "-o", str(out), "--jobs", "1"], capture_output=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    return page, json.loads(data.read_text(encoding="utf-8"))


def shown_families(b: Any) -> list[str]:
    return b.execute_script("return Array.from(document.querySelectorAll('main .qt-family'))"
                            ".filter(function (f) { return f.offsetParent !== null; }).map(function (f) { return f.id; });")


def shown_occurrences(b: Any, family: str) -> list[tuple[str, str]]:
    return [tuple(x) for x in b.execute_script(
        "return Array.from(document.getElementById(arguments[0]).querySelectorAll('.qt-occ'))"
        ".filter(function (o) { return o.offsetParent !== null; })"
        ".map(function (o) { return [o.dataset.article, o.dataset.relation]; });", family)]


def choose(b: Any, what: str, value: str) -> None:
    from selenium.webdriver.support.select import Select

    Select(b.find_element("id", f"qt-{what}")).select_by_value(value)  # a user's pick: fires change


def families_where(data: dict, test: Any) -> list[str]:
    return sorted(f["id"] for f in data["families"] if any(test(f, o) for o in f["occurrences"]))


def family_id(data: dict, words: str) -> str:
    return next(f["id"] for f in data["families"] if f["occurrences"][0]["text"] == words)


def test_seeds_report_renders_and_filters(browser: Any, tmp_path: Path) -> None:
    """Every family renders, the unsupported one first with its evidence; each filter keeps the
    families it should, resetting shows them all, and the address remembers a filter."""
    page, data = write_report(tmp_path, SEEDS)
    browser.get(page.as_uri())
    everyone = [f["id"] for f in data["families"]]
    assert sorted(shown_families(browser)) == sorted(everyone)
    unsupported = family_id(data, CONSTITUTION)
    assert shown_families(browser)[0] == unsupported
    shown = browser.find_element("id", unsupported).text
    assert CONSTITUTION in shown and "No other article puts these words in quotation marks" in shown
    assert "as recognizing Crimea as part of Russia would be against Ukraine’s constitution" in shown
    assert browser.find_element("id", "qt-count").text == f"showing {len(everyone)} of {len(everyone)} quoted statements"
    shots.screenshot(browser, tmp_path / "report.png")

    choose(browser, "relation", "altered")
    altered = families_where(data, lambda f, o: o["relation"] == "altered")
    assert sorted(shown_families(browser)) == altered and len(altered) == 2
    # the original stays beside the altered copy; the word-for-word copy in 001 is hidden
    assert shown_occurrences(browser, family_id(data, FINE_TUNED)) == [("000_2273eac947c6bda1", "original"),
                                                                       ("003_5e38c892982a003a", "altered")]
    assert browser.find_element("id", "qt-unsupported").is_displayed() is False
    assert "relation=altered" in browser.execute_script("return location.hash")
    shots.screenshot(browser, tmp_path / "altered.png")

    choose(browser, "relation", "")
    choose(browser, "speaker", "Donald Trump")
    assert sorted(shown_families(browser)) == families_where(
        data, lambda f, o: "Donald Trump" in (f["speaker"], o["speaker"]))

    choose(browser, "speaker", "")
    choose(browser, "article", "002_9423660f65a83069")
    assert sorted(shown_families(browser)) == families_where(data, lambda f, o: o["article"] == "002_9423660f65a83069")
    assert len(shown_families(browser)) < len(everyone)

    browser.find_element("id", "qt-reset").click()
    assert sorted(shown_families(browser)) == sorted(everyone)

    # a speaker's name in the speakers' table filters to that speaker
    browser.find_element("css selector", '.qt-chip[data-speaker="Volodymyr Zelensky"]').click()
    assert sorted(shown_families(browser)) == families_where(
        data, lambda f, o: "Volodymyr Zelensky" in (f["speaker"], o["speaker"]))

    # a filtered address opens filtered, so it can be sent to a colleague; editing it filters
    browser.get("about:blank")
    browser.get(page.as_uri() + "#relation=unsupported")
    assert shown_families(browser) == [unsupported]
    assert browser.find_element("id", "qt-relation").get_attribute("value") == "unsupported"
    browser.get(page.as_uri() + "#relation=expanded")
    assert sorted(shown_families(browser)) == families_where(data, lambda f, o: o["relation"] == "expanded")
    assert browser.get_log("browser") == []  # no error, no refused request, no policy violation


def test_hostile_articles_run_nothing(browser: Any, tmp_path: Path) -> None:
    """Quotes holding <script>, onerror=, <img> and javascript: links show as text: no script
    of theirs runs, no element of theirs exists, and the filters still work on a hostile id."""
    page, data = write_report(tmp_path, HOSTILE)
    browser.get(page.as_uri())
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    counts = browser.execute_script(
        "return [document.scripts.length, document.images.length, document.links.length,"
        " document.querySelectorAll('a, iframe, object, embed').length,"
        " Array.from(document.querySelectorAll('*')).filter(function (e) {"
        "   return Array.from(e.attributes).some(function (a) { return a.name.indexOf('on') === 0; }); }).length]")
    assert counts == [1, 0, 0, 0, 0]
    body = browser.find_element("tag name", "body").text
    assert "<script>window.__pwned = 1</script>" in body
    assert "<img src=x onerror=window.__pwned=7>" in body
    assert "<a href='javascript:window.__pwned=3'>click here</a>" in body
    assert sorted(shown_families(browser)) == sorted(f["id"] for f in data["families"])

    hostile_id = "copy-<b onmouseover=window.__pwned=5>2</b>"
    choose(browser, "article", hostile_id)
    altered = families_where(data, lambda f, o: o["article"] == hostile_id)
    assert shown_families(browser) == altered and len(altered) == 1
    browser.find_element("id", altered[0]).click()  # a click on the hostile words runs nothing either
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.get_log("browser") == []  # not even a blocked attempt: nothing tried to run
    shots.screenshot(browser, tmp_path / "hostile.png")
