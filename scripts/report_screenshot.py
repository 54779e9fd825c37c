"""Regenerate docs/img/report.png: the seeds' HTML report, as headless Chromium draws it.

    .venv/bin/python scripts/report_screenshot.py [OUT.png]

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install -y chromium
chromium-driver``) and selenium (the ``test`` extra). The browser test
(``tests/report/test_browser.py``) starts and drives the browser with these same functions.
"""

from __future__ import annotations

import base64
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Chromium on a machine without a display, a sandbox or a network: the background services
# (updates, sync, field trials, QUIC) would open connections that are refused many at a time.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def browser_paths() -> tuple[str, str] | str:
    """(chromium, chromedriver), or why they cannot be had: the reason a test skips with."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        return "Chromium and its driver are not installed: apt-get install -y chromium chromium-driver"
    return chromium, driver


def open_browser(profile: Path, width: int = 1280, height: int = 900) -> Any:
    """Headless Chromium under selenium, with a fresh profile in ``profile``. The driver's path
    is given, so Selenium Manager never tries to download one."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = browser_paths()
    if isinstance(paths, str):
        raise RuntimeError(paths)
    chromium, driver = paths
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, for tests
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def screenshot(browser: Any, png: Path, height: int | None = None) -> None:
    """Save the page now loaded to ``png``: the whole page, or its first ``height`` pixels."""
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], height or size["height"]),
            "scale": 1}
    shot = browser.execute_cdp_cmd("Page.captureScreenshot",
                                   {"format": "png", "clip": clip, "captureBeyondViewport": True})
    png.write_bytes(base64.b64decode(shot["data"]))


def seeds_report(path: Path) -> Path:
    """Write the seeds' report to ``path`` with the library itself (the CLI writes the same page)."""
    import quotetrace
    from quotetrace.report import html

    path.write_text(html(quotetrace.trace([str(ROOT / "seeds")], jobs=1)), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "img" / "report.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = seeds_report(Path(tmp) / "report.html")
        browser = open_browser(Path(tmp) / "profile", width=1200)
        try:
            browser.get(page.as_uri())
            screenshot(browser, out, height=1900)
        finally:
            browser.quit()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
