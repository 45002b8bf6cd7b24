"""The app in a real browser (Playwright): opening a task, deciding it, attaching a PDF."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.conftest import DEMO_PASSWORD
from tests.support.data import MINIMAL_PDF


def attach_pdf(page, name: str = "dokumen.pdf") -> None:
    """Choose the reference document's PDF in the start form."""
    page.set_input_files(
        "#f-dokumen_file", files=[{"name": name, "mimeType": "application/pdf", "buffer": MINIMAL_PDF}]
    )


def open_task(page, title: str) -> None:
    """Open the signed-in user's task of that title from the inbox."""
    page.goto("/")
    page.click(f"#inbox tbody tr td:first-child a:text-is('{title}')")
    expect(page.locator("h1")).to_have_text(title)


def decide_in_browser(page, title: str, keputusan: str = "SETUJU", catatan: str = "",
                      **fields: str) -> None:
    """Open the task, choose the decision, fill the other fields, send: it must be done."""
    open_task(page, title)
    page.check(f"input[name=keputusan][value={keputusan}]")
    if catatan:
        page.fill("#f-catatan", catatan)
    for name, value in fields.items():
        page.fill(f"#f-{name}", value)
    confirm_password(page)
    page.click("button:has-text('Kirim')")
    expect(page.locator(".flash-success")).to_contain_text("selesai")


def confirm_password(page) -> None:
    """Re-enter the signed-in user's password where the form asks for it."""
    if page.locator("#f-konfirmasi_sandi").count():
        page.fill("#f-konfirmasi_sandi", DEMO_PASSWORD)
