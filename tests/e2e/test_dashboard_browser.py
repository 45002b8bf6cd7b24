"""The Dasbor in a real browser, offline: Chart.js (from node_modules) draws each chart,
and a click on a bar opens the record list of what it counts."""

from __future__ import annotations

import pytest

from tests.support.data import KEPP
from tests.support.flows import record_in_proses, submitted_record

pytestmark = pytest.mark.e2e

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


def _painted(page, selector: str) -> bool:
    """Whether the canvas holds any non-blank pixel (the chart was drawn)."""
    return page.eval_on_selector(selector, """c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
        return false; }""")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_the_charts_draw_and_a_bar_opens_its_records(desk, session, viewport):
    submitted_record(session)
    kepp = record_in_proses(session, username="op.kapuas", **KEPP)
    kapolda = desk("kapolda")
    page = kapolda.page
    page.set_viewport_size(viewport)
    page.route("http*://**", lambda route: route.continue_() if "127.0.0.1" in route.request.url
               else route.abort())  # offline: nothing but this server
    page.goto("/dasbor")
    page.wait_for_selector("canvas[data-drawn='1']")
    assert page.locator("canvas[data-chart]").count() == 6
    assert page.locator("canvas[data-drawn='1']").count() == 6
    for section in ("dash-pangkat", "dash-jenis", "dash-tren"):
        assert _painted(page, f"#{section} canvas"), section
    # The jenis donut's KEPP slice, where Chart.js itself placed it.
    page.locator("#dash-jenis canvas").scroll_into_view_if_needed()
    point = page.eval_on_selector("#dash-jenis canvas", """c => {
        const el = c.chartInstance.getDatasetMeta(0).data[1].tooltipPosition();
        const r = c.getBoundingClientRect(); return {x: r.left + el.x, y: r.top + el.y}; }""")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**/catatan?*")
    assert kepp.person.nama in page.content()
    assert "jenis=KEPP" in page.url


def test_on_a_phone_the_figures_stay_tables_and_nothing_scrolls_sideways(desk, session):
    submitted_record(session)
    page = desk("kabid").page
    page.set_viewport_size(PHONE)
    page.goto("/dasbor")
    page.wait_for_selector("canvas[data-drawn='1']")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shown = page.eval_on_selector_all(
        "table.figures tr", "rows => rows.map(r => getComputedStyle(r).display)")
    assert shown and set(shown) == {"table-row"}
    # The waiting statuses' long names stand beside horizontal bars, not cut under them.
    assert page.eval_on_selector("#dash-menunggu canvas",
                                 "c => c.chartInstance.options.indexAxis") == "y"
