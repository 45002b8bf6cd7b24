"""Sending a stored PDF to the browser: as a download, never shown inline, never cached."""

from flask import Response


def pdf_response(content: bytes, filename: str) -> Response:
    response = Response(content, mimetype="application/pdf")
    # An attachment is saved, not opened in the site's origin, so a PDF's script cannot
    # run as this site; the header's filename is quoted (or RFC 2231-encoded) safely.
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
