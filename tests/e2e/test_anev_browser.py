"""The Anev in a real browser, offline: Chart.js (from node_modules, the Dasbor's setup)
draws the month-against-last-year bars, the wujud and pasal rankings and the lane waits,
and a click on a month's bar opens the records recorded that month."""

from __future__ import annotations

import pytest

from tests.e2e.test_dashboard_browser import DESKTOP, PHONE, _painted
from tests.support.data import KEPP
from tests.support.flows import record_in_proses, submitted_record

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_the_anev_charts_draw_and_a_month_opens_its_records(desk, session, viewport):
    waiting = submitted_record(session)
    kepp = record_in_proses(session, username="op.kapuas", **KEPP)
    page = desk("kabid").page
    page.set_viewport_size(viewport)
    page.route("http*://**", lambda route: route.continue_() if "127.0.0.1" in route.request.url
               else route.abort())  # offline: nothing but this server
    page.goto("/anev")
    page.wait_for_selector("canvas[data-drawn='1']")
    assert page.locator("canvas[data-chart]").count() == 4
    assert page.locator("canvas[data-drawn='1']").count() == 4
    for section in ("anev-bulan", "anev-wujud", "anev-pasal", "anev-lajur"):
        assert _painted(page, f"#{section} canvas"), section
    assert page.locator("#anev-menunggu tbody tr").count() == 1  # the waiting record only
    # This month's bar (the last of the period), where Chart.js itself placed it.
    page.locator("#anev-bulan canvas").scroll_into_view_if_needed()
    point = page.eval_on_selector("#anev-bulan canvas", """c => {
        const data = c.chartInstance.getDatasetMeta(0).data;
        const el = data[data.length - 1].tooltipPosition();
        const r = c.getBoundingClientRect(); return {x: r.left + el.x, y: r.top + el.y}; }""")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url("**/catatan?*")
    content = page.content()
    assert kepp.person.nama in content and waiting.person.nama in content
