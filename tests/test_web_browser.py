"""The web viewer in a real headless browser: Debian's chromium driven by Playwright.

Install the browser with ``bash scripts/install-browser.sh`` (``playwright install``
is never needed: Playwright is pointed at the system chromium). Without chromium
these tests fail, unless CHRONICON_SKIP_BROWSER=1 is set, which skips them.

Screenshots (viewer-timeline.png and viewer-event.png, from the demo store built
from examples/rasputin) go to a temporary folder, so a test run leaves the checkout
clean; to refresh the ones in the docs:
``CHRONICON_SCREENSHOTS=docs/screenshots python -m pytest tests/test_web_browser.py``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "rasputin"
XSS_TAG = "<script>window.__pwned=1</script>"
XSS_ATTR = '"onerror=window.__pwned=1 x="'

LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if os.path.exists(path):
        return path
    if os.environ.get("CHRONICON_SKIP_BROWSER") == "1":
        pytest.skip("chromium is missing and CHRONICON_SKIP_BROWSER=1")
    pytest.fail(
        "chromium is missing: run `bash scripts/install-browser.sh` (Debian's chromium, no Playwright download), "
        "or set CHRONICON_SKIP_BROWSER=1 to skip the browser tests",
        pytrace=False,
    )


@pytest.fixture(scope="module")
def chromium_path() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CHRONICON_SKIP_BROWSER") == "1":
            pytest.skip("playwright is not installed and CHRONICON_SKIP_BROWSER=1")
        pytest.fail("playwright is not installed: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        yield b
        b.close()


class Server:
    """uvicorn on 127.0.0.1, a free port, in a background thread."""

    def __init__(self, db: Path):
        import uvicorn

        from chronicon.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


SENTENCES = {
    "a_chronicle_en.txt": (
        "The Chronicle of Tobolsk\n\n"
        f"Rasputin was born on 21 January 1869 in Pokrovskoye {XSS_TAG} {XSS_ATTR}.\n\n"
        "Rasputin was murdered on 30 December 1916 in Petrograd.\n"
    ),
    "b_diary_en.txt": (
        "A Diary\n\n"
        "Rasputin was murdered on 17 December 1916 (Old Style) at the Moika Palace.\n\n"
        "Rasputin was born in 1871 in Pokrovskoye.\n"
    ),
}


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    from chronicon import Pipeline

    folder = tmp_path_factory.mktemp("browser-src")
    for name, text in SENTENCES.items():
        (folder / name).write_text(text, "utf-8")
    db = folder.parent / "small.db"
    Pipeline().run([folder], db=db)
    return db


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    from chronicon import Pipeline

    if not EXAMPLES.is_dir():
        pytest.fail(f"the example corpus is missing: {EXAMPLES}")
    db = tmp_path_factory.mktemp("browser-demo") / "demo.db"
    Pipeline().run([EXAMPLES], db=db)
    return db


def _page(browser, url: str):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector("#viewer[data-ready]", timeout=15000)
    return page, errors


def test_click_contradiction_shows_sources_side_by_side(browser, small_store):
    with Server(small_store) as srv:
        page, errors = _page(browser, srv.url + "/")
        # the contradiction (born 1869 or 1871) is drawn in red on the timeline; click it
        item = page.locator(".vis-item.v-contradiction:not(.vis-dot)").first
        item.click()
        page.wait_for_selector(".detail .claim")
        detail = page.locator(".detail")
        assert detail.locator(".detail-head .badge").inner_text() == "Contradiction"
        cards = detail.locator(".claim")
        assert cards.count() == 2
        by_source = {cards.nth(i).get_attribute("data-source"): cards.nth(i) for i in range(2)}
        assert set(by_source) == {"a_chronicle_en", "b_diary_en"}
        en = by_source["a_chronicle_en"].locator(".quote").inner_text()
        diary = by_source["b_diary_en"].locator(".quote").inner_text()
        assert en.startswith("Rasputin was born on 21 January 1869 in Pokrovskoye")
        assert diary == "Rasputin was born in 1871 in Pokrovskoye."
        marks = sorted(detail.locator("mark.date-words").all_inner_texts())
        assert marks == ["1871", "21 January 1869"]
        assert "1869" in detail.locator(".best-date").inner_text()
        assert detail.locator("table.comparisons .badge").first.inner_text() == "Contradiction"
        # the hostile text is shown as text, and nothing in it ran
        assert XSS_TAG in en and XSS_ATTR in en
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator(".detail script").count() == 0
        assert page.locator("[onerror]").count() == 0
        # the list highlights the same event, the URL keeps it
        assert page.locator(".event-row.selected").get_attribute("data-verdict") == "contradiction"
        assert "event=" in page.url
        assert not errors, errors
        page.close()


def test_old_style_and_filters(browser, small_store):
    with Server(small_store) as srv:
        page, errors = _page(browser, srv.url + "/")
        page.select_option("#f-verdict", "calendar_style")
        page.wait_for_function("document.querySelectorAll('.event-row').length === 1")
        page.locator(".event-row").first.click()
        page.wait_for_selector(".detail .claim")
        assert page.locator(".detail-head .badge").inner_text().startswith("Calendar style")
        assert "Old Style" in page.locator(".detail").inner_text()
        assert page.locator(".vis-item.v-calendar_style:not(.vis-dot)").count() == 1
        # search narrows the list; an unknown word empties it
        page.select_option("#f-verdict", "")
        page.fill("#f-q", "Moika")
        page.wait_for_function("document.querySelectorAll('.event-row').length === 1")
        page.fill("#f-q", "zzzz-no-such-word")
        page.wait_for_selector(".event-list .empty")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert not errors, errors
        page.close()


@pytest.fixture()
def shots(tmp_path) -> Path:
    where = os.environ.get("CHRONICON_SCREENSHOTS")
    path = Path(where) if where else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_demo_store_timeline_and_event(browser, demo_store, shots):
    with Server(demo_store) as srv:
        page, errors = _page(browser, srv.url + "/")
        # a day is a point; a month or a year is a span over its whole length
        assert page.locator(".vis-item.vis-point").count() > 0
        assert page.locator(".vis-item.vis-range.g-year").count() > 0
        assert page.locator(".vis-item.vis-range.g-month").count() > 0
        assert page.locator(".vis-item.v-contradiction:not(.vis-dot)").count() >= 2
        assert page.locator(".legend .swatch.v-contradiction").count() == 1
        page.mouse.move(0, 0)
        page.screenshot(path=str(shots / "viewer-timeline.png"))

        # Rasputin's death: the sources disagree, one gives an Old Style date
        page.locator(".event-row[data-verdict=contradiction]", has_text="death").first.click()
        page.wait_for_selector(".detail .claim")
        detail = page.locator(".detail")
        assert detail.locator(".detail-head .badge").inner_text() == "Contradiction"
        assert detail.locator(".claim").count() >= 2
        assert len({detail.locator(".claim").nth(i).get_attribute("data-source")
                    for i in range(detail.locator(".claim").count())}) >= 2
        assert detail.locator("mark.date-words").count() >= 2
        page.mouse.move(0, 0)
        page.screenshot(path=str(shots / "viewer-event.png"), full_page=True)
        for name in ("viewer-timeline.png", "viewer-event.png"):
            assert (shots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name

        # a page per person, with their life's events
        page.goto(srv.url + "/persons/grigori_rasputin")
        page.wait_for_selector("#viewer[data-ready]")
        rows = page.locator(".event-row")
        assert rows.count() >= 5
        assert "birth" in rows.first.inner_text()
        assert not errors, errors
        page.close()


def test_missing_chromium_fails_with_the_fix(monkeypatch):
    """No chromium: a failure that says how to install it, or a skip when asked for."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(os.path, "exists", lambda p: False)
    monkeypatch.delenv("CHRONICON_SKIP_BROWSER", raising=False)
    with pytest.raises(pytest.fail.Exception, match=r"bash scripts/install-browser\.sh"):
        _chromium()
    monkeypatch.setenv("CHRONICON_SKIP_BROWSER", "1")
    with pytest.raises(pytest.skip.Exception):
        _chromium()
