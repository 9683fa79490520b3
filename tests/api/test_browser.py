"""The dashboard in Debian's Chromium (driven by Playwright), served by a real `standoff serve`.

Screenshots go to a temporary folder; set STANDOFF_SCREENSHOTS=docs/screenshots to keep them
(that is how the ones in docs/dashboard.md are made).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import serve_process

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def server(api_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API tests' store, served with --allow-code."""
    with serve_process(api_db, tmp_path_factory.mktemp("serve") / "serve.log", "--allow-code") as (base, _process):
        yield base


@pytest.fixture(scope="module")
def plain_server(map_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The map and network store, served without --allow-code."""
    with serve_process(map_db, tmp_path_factory.mktemp("serve") / "serve.log") as (base, _process):
        yield base


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
    page.wait_for_selector("#chart:not([aria-busy])", state="attached")  # chart, alerts and events of this dyad
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


def test_network_colours_edges_by_conflict(server: str, page: object) -> None:
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


def test_an_event_without_a_known_source_is_marked_incomplete(server: str, page: object) -> None:
    page.goto(f"{server}/code.html")
    page.locator("#paste").wait_for()
    page.fill("textarea[name=text]", "Two rockets were fired at Japan on Thursday.\n\nJapan condemned North Korea.")
    page.fill("input[name=date]", "2017-08-04")
    page.click("#paste button[type=submit]")
    page.wait_for_selector("#results tbody tr", timeout=60_000)
    rows = page.locator("#results tbody tr")
    marks = [rows.nth(i).locator("small.incomplete").count() for i in range(rows.count())]
    assert sorted(marks) == [0, 1], "the rocket fire has no source, the condemnation has one"
    page.locator("#results tbody tr.incomplete").click()
    assert page.locator("dl.facts small.incomplete").count() == 1
    assert page.problems == []


def _wait_until(condition: Callable[[], bool], what: str, seconds: float = 90) -> None:
    """Poll a condition from here: the pages' CSP forbids the string evaluation wait_for_function uses."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.1)


def _width(page: object, selector: str) -> float:
    """The element's width; -1 while it is being replaced (a redraw swaps the SVG)."""
    box = page.locator(selector).bounding_box()  # type: ignore[attr-defined]
    return box["width"] if box else -1


def _path_points(page: object) -> int:
    return len(re.findall(r"[ML]", page.locator("svg.chart path.tension-line").get_attribute("d")))  # type: ignore[attr-defined]


def test_dyad_chart_starts_where_the_events_are(plain_server: str, page: object) -> None:
    page.goto(f"{plain_server}/#dyad=SYR-TUR")
    page.wait_for_selector("#range:has-text('1 earlier or later event is left out')")
    assert _path_points(page) == 5  # the weeks of 2018-03-05 to 2018-04-02, not back to 1975
    page.click("#full-range")
    page.wait_for_selector("#busy-range")
    assert _path_points(page) > 2000  # every week from 1975 on
    assert "range=all" in page.url
    page.click("#busy-range")
    page.wait_for_selector("#full-range")
    assert _path_points(page) == 5
    page.fill("input[name=since]", "1975-01-01")
    page.locator("input[name=since]").dispatch_event("change")
    _wait_until(lambda: _path_points(page) > 2000, "the chart from 1975")
    assert page.locator("#range").inner_text() == ""  # dates of its own: nothing left out, nothing to toggle
    assert page.problems == []


def test_event_bars_grow_as_the_legend_says(server: str, page: object) -> None:
    page.goto(f"{server}/#dyad=USA-PRK")
    page.locator("svg.chart .bars rect").first.wait_for()
    assert "conflict above the line, cooperation below" in page.locator("svg.chart").text_content()
    zero = float(page.locator("svg.chart line.bar-zero").get_attribute("y1"))
    bars = page.locator("svg.chart .bars rect").evaluate_all(
        "rects => rects.map(r => [r.getAttribute('class'), +r.getAttribute('y'), +r.getAttribute('height')])")
    assert {kind for kind, _, _ in bars} == {"coop", "conflict"}
    for kind, y, height in bars:
        if kind == "conflict":
            assert y + height == pytest.approx(zero) and height > 0  # up from the line
        else:
            assert y == pytest.approx(zero) and height > 0  # down from it


def _article_sentence(page: object) -> str:
    return _highlights(page, "sentence")


def test_an_event_has_its_own_url(server: str, page: object, browser: object) -> None:
    page.goto(f"{server}/events.html#dyad=USA-%3EPRK")
    rows = page.locator("#table tbody tr")
    page.wait_for_selector("#table caption:has-text('of 3 events')")
    first_id, second_id = rows.nth(0).get_attribute("data-id"), rows.nth(1).get_attribute("data-id")
    rows.nth(0).click()
    page.wait_for_selector("#article mark.hl-sentence")
    first = _article_sentence(page)
    rows.nth(1).click()
    _wait_until(lambda: f"event={second_id}" in page.url, "the second event's URL")
    _wait_until(lambda: _article_sentence(page) not in ("", first), "the second event's article")
    second = _article_sentence(page)
    assert "dyad=USA-%3EPRK" in page.url  # the event joins the view's own state
    page.go_back()
    _wait_until(lambda: _article_sentence(page) == first, "the first event again")
    assert f"event={first_id}" in page.url
    page.go_back()
    page.wait_for_selector("#article .hint")
    assert "event=" not in page.url
    # a link to the event opens it, on a page of its own
    other = browser.new_page()  # type: ignore[attr-defined]
    other.goto(f"{server}/events.html#event={second_id}")
    other.wait_for_selector("#article mark.hl-sentence")
    assert _highlights(other, "sentence") == second
    other.close()
    assert page.problems == []


def test_network_fits_the_window_and_draws_actor_kinds(plain_server: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{plain_server}/network.html")
    page.locator("svg.network .node").first.wait_for()

    def fits() -> None:
        box = page.locator("#network").bounding_box()
        picture = page.locator("svg.network").first.bounding_box()
        assert picture["width"] >= box["width"] - 4 and picture["width"] > 630
        for label in page.locator("svg.network .nodes text").all():
            text = label.bounding_box()
            assert picture["x"] <= text["x"] and text["x"] + text["width"] <= picture["x"] + picture["width"]
            assert picture["y"] <= text["y"] and text["y"] + text["height"] <= picture["y"] + picture["height"]

    fits()
    kinds = {code: page.locator(f"svg.network .node[data-code='{code}']") for code in ("SYR", "UNO", "AMN", "ISI")}
    assert {code: node.get_attribute("data-kind") for code, node in kinds.items()} == {
        "SYR": "state", "UNO": "igo", "AMN": "ngo", "ISI": "armed"}
    shapes = {code: node.locator(":scope > :first-child").evaluate("e => e.tagName + ' ' + getComputedStyle(e).fill")
              for code, node in kinds.items()}
    assert len(set(shapes.values())) == 4  # four kinds, four looks
    legend = page.locator("#kinds .kind")
    assert legend.count() == 5 and "armed group" in page.locator("#kinds").inner_text()
    assert page.problems == []
    _screenshot(page, tmp_path, "network.png")
    page.set_viewport_size({"width": 900, "height": 700})
    _wait_until(lambda: abs(_width(page, "svg.network") - _width(page, "#network")) < 4, "the network redrawn to the new width")
    fits()


def test_coding_controls_are_off_with_a_reason(plain_server: str, page: object) -> None:
    page.goto(f"{plain_server}/code.html")
    page.wait_for_selector("#why:has-text('Coding is off on this server')")
    assert "--allow-code" in page.locator("#why").inner_text()
    assert page.locator("#paste button[type=submit]").is_disabled()
    assert page.locator("textarea[name=text]").is_disabled()
    assert page.locator("#paste button[type=submit]").is_visible()


def _map_shape(page: object, selector: str) -> object:
    return page.locator(f"svg.map {selector}")  # type: ignore[attr-defined]


def _fill(page: object, selector: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", _map_shape(page, selector).get_attribute("fill")))


def test_map_colours_places_and_lists_their_events(plain_server: str, page: object, tmp_path: Path) -> None:
    page.goto(f"{plain_server}/map.html")
    syria = _map_shape(page, "path.country[data-id='SYR']")
    page.wait_for_selector("svg.map path.country[data-id='SYR'][data-events='3']")
    assert _map_shape(page, "path.country").count() > 200
    red, green, _ = _fill(page, "path.country[data-id='SYR']")
    assert red > 150 > green  # all conflict
    red, green, _ = _fill(page, "path.country[data-id='CHE']")
    assert green > red  # an agreement in Geneva
    assert _map_shape(page, "path.country[data-id='FRA']").get_attribute("class") == "country empty"
    assert "6 have none" in page.locator("#map-counts").inner_text()
    sea = _map_shape(page, "circle.place[data-name='Sea of Japan']")
    assert sea.get_attribute("data-events") == "1"

    syria.dispatch_event("click")  # its cities' dots cover its middle at this scale
    page.wait_for_selector("#events caption:has-text('3 events in Syria')")
    assert page.locator("#map-title").inner_text() == "Syria"
    aleppo = _map_shape(page, "g.provinces path[data-name='Aleppo']")
    assert aleppo.get_attribute("data-events") == "2"
    assert _map_shape(page, "g.provinces path").count() >= 14  # Syria's governorates
    aleppo.dispatch_event("click")
    page.wait_for_selector("#events caption:has-text('2 events in Aleppo')")
    assert "zoom=SYR" in page.url and "at=province" in page.url
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#article mark.hl-sentence")
    assert "Aleppo" in _highlights(page, "sentence")
    assert page.problems == []
    _screenshot(page, tmp_path, "map.png")

    page.click("#world")
    page.wait_for_selector("#map-title:has-text('World')")
    sea.dispatch_event("click")
    page.wait_for_selector("#events caption:has-text('1 event in Sea of Japan')")
    assert "fired a missile" in page.locator("#events tbody").inner_text()
    _map_shape(page, "path.country[data-id='Somaliland']").dispatch_event("click")  # a shape without a country code
    page.wait_for_selector("#events .hint:has-text('Somaliland has no country code of its own')")
    assert page.problems == []


def test_map_takes_the_event_filters_and_its_url(plain_server: str, page: object) -> None:
    page.goto(f"{plain_server}/map.html#quad=2")
    page.wait_for_selector("svg.map path.country[data-id='CHE'][data-events='2']")
    assert _map_shape(page, "path.country[data-id='SYR']").get_attribute("data-events") == "0"
    page.select_option("select[name=quad]", "4")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("svg.map path.country[data-id='SYR'][data-events='3']")
    assert _map_shape(page, "path.country[data-id='CHE']").get_attribute("data-events") == "0"
    assert "quad=4" in page.url
    province = httpx.get(f"{plain_server}/api/places").json()["provinces"]
    aleppo = next(p["id"] for p in province if p["name"] == "Aleppo")
    page.goto(f"{plain_server}/map.html#zoom=SYR&at=province%3A{aleppo}&q=shelled")
    page.wait_for_selector("#events caption:has-text('1 event in Aleppo')")
    assert page.locator("#map-title").inner_text() == "Syria"
    assert page.problems == []
