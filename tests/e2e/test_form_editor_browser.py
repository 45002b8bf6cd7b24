"""The form editor in Chromium, on a desktop and on a 390 px phone: a process owner opens the
editor from the catalogue, adds a field to the Pencatatan form, sees it in the preview (the
task page's own rendering), relabels and reorders it, sees a bad label refused in words,
saves, deploys, and finds the new version in the catalogue with the field in its form."""

from __future__ import annotations

import json
from uuid import uuid4

import pytest
from playwright.sync_api import expect

from tests.e2e.test_editor_browser import (
    DESKTOP,
    PHONE,
    check,
    current_pencatatan,
    office_pencatatan_restored,
    open_editor,
)
from tests.support.editor import ensure_editor_built

__all__ = ["office_pencatatan_restored"]  # the fixture, used by name below

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", autouse=True)
def _editor_built():
    ensure_editor_built()


def previewed(page, after: str) -> None:
    """Wait for a preview newer than the one counted `after`."""
    expect(page.locator("#forms")).not_to_have_attribute("data-previewed", after)


def preview_count(page) -> str:
    return page.locator("#forms").get_attribute("data-previewed") or ""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_a_process_owner_adds_a_field_sees_the_preview_and_deploys(
        desk, session, office_pencatatan_restored, viewport):
    page = desk("admin").page
    page.set_viewport_size(viewport)
    open_editor(page, session)
    before = current_pencatatan(session).id
    forms = page.locator("#forms")
    expect(forms).to_have_attribute("data-ready", "true")
    expect(forms).to_have_attribute("data-open", "pencatatan-data.json")
    preview = page.locator("#form-preview")
    expect(preview.locator("[data-field='nama'] label")).to_contain_text("Nama")

    title = f"Nomor Sprin {uuid4().hex[:6]}"
    page.fill("#new-field-name", "nomor_sprin")
    page.fill("#new-field-label", title)
    page.select_option("#new-field-section", "Dokumen Referensi")
    seen = preview_count(page)
    page.click("#add-field")
    previewed(page, seen)
    added = preview.locator("[data-field='nomor_sprin']")
    expect(added.locator("label")).to_have_text(title)
    expect(page.locator("#deploy")).to_be_disabled()

    row = page.locator("#form-fields li[data-field='nomor_sprin']")
    seen = preview_count(page)
    row.locator(".field-label").fill("")
    expect(page.locator("#form-problems")).to_contain_text("isian 'nomor_sprin' belum berlabel")
    row.locator(".field-label").fill(title)
    row.locator(".field-required").check()
    previewed(page, seen)
    expect(added.locator("label")).to_have_text(f"{title} *")
    shown = preview.locator("[data-field]")
    names = shown.evaluate_all("els => els.map(e => e.dataset.field)")
    at = names.index("nomor_sprin")
    seen = preview_count(page)
    row.locator(".field-up").click()
    previewed(page, seen)
    moved = shown.evaluate_all("els => els.map(e => e.dataset.field)")
    assert moved[at - 1:at + 1] == ["nomor_sprin", names[at - 1]]  # one step up
    page.fill("#new-field-name", "nomor_sprin")
    page.fill("#new-field-label", "Lagi")
    page.click("#add-field")
    expect(page.locator("#form-status")).to_have_text("Nama isian 'nomor_sprin' dipakai dua kali.")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    check(page)
    expect(page.locator("#editor-status")).to_have_text(
        "Tidak ada masalah: diagram siap dipasang sebagai versi baru.")
    page.fill("#komentar", "Isian Nomor Sprin ditambahkan")
    page.click("#deploy")
    page.wait_for_url("**/admin/katalog")
    new = current_pencatatan(session)
    assert new.id != before
    expect(page.locator(f"#version-{new.id}")).to_contain_text("Isian Nomor Sprin ditambahkan")
    form = json.loads(new.forms_json)["pencatatan-data.json"]
    assert form["schema"]["properties"]["nomor_sprin"]["title"] == title
    assert "nomor_sprin" in form["schema"]["required"]
