"""Error pages in Bahasa Indonesia."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: "Permintaan tidak valid.",
    403: "Anda tidak berwenang membuka halaman ini.",
    404: "Halaman atau data tidak ditemukan.",
    413: "Berkas terlalu besar (maksimal 10 MB).",
    500: "Terjadi kesalahan pada sistem; tidak ada data yang tersimpan. Silakan coba lagi.",
}


def init_app(app: Flask) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, _page(code))
    app.register_error_handler(CSRFError, _csrf)


def _page(code: int):
    def handler(err):
        message = getattr(err, "description", None) if code == 403 else None
        if not message or message.startswith("You don't"):
            message = MESSAGES[code]
        return render_template("errors/error.html", code=code, message=message), code

    return handler


def _csrf(_err):
    message = "Sesi formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi."
    return render_template("errors/error.html", code=400, message=message), 400
