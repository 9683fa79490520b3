"""The dashboard in Debian's Chromium (driven by Playwright), served by a real `standoff serve`.

Screenshots go to a temporary folder; set STANDOFF_SCREENSHOTS=docs/screenshots to keep them
(that is how the ones in docs/dashboard.md are made).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(api_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`standoff serve --allow-code` on a free loopback port; its base URL."""
    port = _free_port()
    command = [sys.executable, "-m", "standoff.cli", "serve", "--db", str(api_db), "--port", str(port), "--allow-code"]
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:  # a file, not a pipe: a full pipe would stop the server
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # --allow-code loads the model before listening
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"standoff serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, tmp_path: Path) -> Iterator[object]:
    """A fresh page that records script errors and dialogs (an alert() would be a script that ran)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(f"script error: {error}"))
    tab.on("dialog", lambda dialog: (tab.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()


def _screenshot(page: object, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000
    keep = os.environ.get("STANDOFF_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)
    return path


def _highlights(page: object, kind: str) -> str:
    return "".join(page.locator(f"#article .article-text mark.hl-{kind}").all_text_contents())  # type: ignore[attr-defined]


def test_dyad_view_draws_the_chart_and_opens_an_event(server: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{server}/")
    dyad = page.locator("#dyad")
    dyad.locator("option").first.wait_for(state="attached")
    value = next(v for v in dyad.locator("option").evaluate_all("options => options.map(o => o.value)") if set(v.split("-")) == {"USA", "PRK"})
    dyad.select_option(value)
    page.wait_for_selector("#chart-title:has-text('PRK-USA')")
    line = page.locator("svg.chart path.tension-line")
    line.wait_for()
    assert len(re.findall(r"[ML]", line.get_attribute("d"))) == 10  # one point per week, 2017-06-05 to 2017-08-07
    # weeks with events: one of praise (06-05), three with conflict (06-12, 06-19, 08-07)
    assert (page.locator("svg.chart .bars rect.coop").count(), page.locator("svg.chart .bars rect.conflict").count()) == (1, 3)
    marker = page.locator("svg.chart .alert-marker")
    assert marker.count() == 1 and marker.get_attribute("data-period") == "2017-08-07"
    assert "PRK->USA" in page.locator("#alerts").inner_text()
    rows = page.locator("#events tbody tr")
    rows.first.wait_for()
    assert rows.count() == 10
    rows.filter(has_text="launched a missile").click()
    page.wait_for_selector("#article mark.hl-sentence")
    assert _highlights(page, "sentence") == "North Korea launched a missile at the United States on Thursday."
    assert _highlights(page, "trigger") == "launched"
    assert _highlights(page, "source") == "North Korea"
    assert _highlights(page, "target") == "the United States"
    assert page.locator("#article h3").inner_text() == "Missile"
    assert page.problems == []
    _screenshot(page, tmp_path, "dyad.png")


def test_clicking_a_period_lists_its_events(server: str, page: object) -> None:
    page.goto(f"{server}/#dyad=USA-PRK&freq=month")
    page.locator("svg.chart path.tension-line").wait_for()
    page.locator("svg.chart .hover rect[data-period='2017-06-01']").click()
    page.wait_for_selector("#events caption:has-text('in the period of 2017-06-01')")
    assert page.locator("#events tbody tr").count() == 3


def test_hostile_article_is_shown_as_text_and_runs_nothing(server: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{server}/events.html#q=officials%20said")
    rows = page.locator("#table tbody tr")
    rows.first.wait_for()
    hostile = rows.filter(has_text="onerror")
    assert hostile.count() == 1 and page.locator("#table img").count() == 0
    hostile.click()
    page.wait_for_selector("#article mark.hl-trigger")
    article = page.locator("#article")
    assert "<script>window.__pwned = 'script';</script>" in article.inner_text()
    assert "<img src=x onerror=" in page.locator("#article h3").inner_text()
    assert "Evil <b>Wire</b>" in article.inner_text()
    assert article.locator("img, script, b").count() == 0
    page.wait_for_timeout(300)  # give an injected image's onerror its chance to fire
    assert page.evaluate("window.__pwned") is None
    assert page.problems == []
    _screenshot(page, tmp_path, "events.png")


def test_event_filters_and_pages(server: str, page: object) -> None:
    page.goto(f"{server}/events.html")
    page.locator("#table tbody tr").first.wait_for()
    page.fill("input[name=dyad]", "USA->PRK")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#table caption:has-text('of 3 events')")
    assert "dyad=USA-%3EPRK" in page.locator("#downloads a").first.get_attribute("href")
    page.fill("input[name=dyad]", "")
    page.select_option("select[name=plover]", "THREATEN")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#table caption:has-text('of 2 events')")
    page.fill("input[name=dyad]", "nonsense")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#table .error:has-text('E602')")


def test_character_offsets_past_the_basic_plane(server: str, page: object) -> None:
    page.goto(f"{server}/events.html#q=threatened%20japan")
    page.locator("#table tbody tr").first.click()
    page.wait_for_selector("#article mark.hl-trigger")
    assert _highlights(page, "trigger") == "threatened"
    assert _highlights(page, "source") == "North Korea"


def test_network_colours_edges_by_conflict(server: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{server}/network.html")
    page.locator("svg.network .edges line").first.wait_for()
    assert page.locator("svg.network .edges line").count() == 7
    assert page.locator("svg.network .node").count() == 5

    def colour(dyad: str) -> tuple[int, ...]:
        stroke = page.locator(f"svg.network line[data-dyad='{dyad}']").get_attribute("stroke")
        return tuple(int(n) for n in re.findall(r"\d+", stroke))

    red, green, _ = colour("PRK-USA")
    assert red > 150 > green  # nine of its ten events are conflict
    red, green, _ = colour("CHN-RUS")
    assert green > red  # praise only
    assert page.problems == []
    _screenshot(page, tmp_path, "network.png")


def test_paste_an_article_and_see_its_events(server: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{server}/code.html")
    form = page.locator("#paste")
    form.wait_for()
    page.fill("textarea[name=text]", "North Korea threatened Japan with military action. <img src=x onerror=\"alert('pwned')\">\n\nJapan condemned North Korea.")
    page.fill("input[name=title]", "<script>alert('title')</script>")
    page.fill("input[name=date]", "2017-08-04")
    page.click("#paste button[type=submit]")
    page.wait_for_selector("#results tbody tr", timeout=60_000)
    assert page.locator("#results tbody tr").count() == 2
    assert _highlights(page, "trigger") == "threatened"
    assert "<img src=x onerror=" in page.locator("#article .article-text").inner_text()
    assert page.locator("#article img").count() == 0
    page.locator("#results tbody tr").nth(1).click()
    assert _highlights(page, "trigger") == "condemned"
    assert page.problems == []
    _screenshot(page, tmp_path, "code.png")
