"""Error pages in Bahasa Indonesia, and the domain refusals mapped to them."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from engine import NotAllowed, NotFound, TaskNotOpen
from processes.access.refusals import record_refusal
from processes.errors import Forbidden

from . import db

MESSAGES = {
    400: "Permintaan tidak valid.",
    403: "Anda tidak berwenang membuka halaman ini.",
    404: "Halaman atau data tidak ditemukan.",
    413: "Berkas terlalu besar (maksimal 10 MB).",
    500: "Terjadi kesalahan pada sistem; tidak ada data yang tersimpan. Silakan coba lagi.",
}

#: A use case that says no raises; the page says why, with the status it deserves. A view
#: catches a refusal itself only to do more than show it (re-show a form, redirect).
REFUSALS = {Forbidden: 403, NotAllowed: 403, TaskNotOpen: 403, NotFound: 404}


def init_app(app: Flask) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, _page(code))
    for refusal, code in REFUSALS.items():
        app.register_error_handler(refusal, _refused(code))
    app.register_error_handler(CSRFError, _csrf)


def _page(code: int):
    def handler(err):
        message = getattr(err, "description", None) if code == 403 else None
        if not message or message.startswith("You don't"):
            message = MESSAGES[code]
        return _render(code, message, refused=code == 403)

    return handler


def _refused(code: int):
    def handler(err):
        return _render(code, str(err) or MESSAGES[code], refused=True)

    return handler


def _csrf(_err):
    message = "Sesi formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi."
    return _render(400, message, refused=True)


def _render(code: int, message: str, refused: bool = False):
    # Whatever failed or was refused is not kept, and the page may then read afresh.
    db.rollback()
    if refused:  # who tried what: in its own transaction, after the rollback
        user_id = current_user.user.id if current_user.is_authenticated else None
        record_refusal(db.unit_of_work(), user_id, request.method, request.full_path.rstrip("?"),
                       code, message)
    return render_template("errors/error.html", code=code, message=message), code
