"""A range whose "dari" falls after its "sampai" is told, in Indonesian, wherever the office
asks for one: the Log Audit filter and the Dasbor period (the record list: its own tests)."""

from __future__ import annotations

from tests.support.pages import parse


def flashed_errors(response) -> list[str]:
    return [e.text_content().strip() for e in parse(response).xpath('//div[contains(@class, "flash-error")]')]


def test_the_audit_log_refuses_a_reversed_day_range(client, auth):
    auth.login("kabid")
    response = client.post("/log-akses", data={"dari": "2026-12-02", "sampai": "2026-12-01"})
    assert response.status_code == 200
    assert flashed_errors(response) == [
        ("Tanggal \u201cdari\u201d (2 Desember 2026) jatuh setelah tanggal \u201csampai\u201d "
        "(1 Desember 2026); tukar atau perbaiki salah satunya.")]
    one_day = client.post("/log-akses", data={"dari": "2026-12-01", "sampai": "2026-12-01"})
    assert flashed_errors(one_day) == []  # a single day is a range


def test_the_dashboard_refuses_a_reversed_month_range(client, auth):
    auth.login("kapolda")
    response = client.get("/dasbor?dari=2026-11&sampai=2026-02")
    assert response.status_code == 200
    assert flashed_errors(response) == [
        ("Bulan \u201cdari\u201d (November 2026) jatuh setelah bulan \u201csampai\u201d "
        "(Februari 2026); tukar atau perbaiki salah satunya.")]
    assert flashed_errors(client.get("/dasbor?dari=2026-02&sampai=2026-11")) == []
