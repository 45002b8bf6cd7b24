"""Security headers on every response.

The Content-Security-Policy allows scripts, styles, images and fonts from this site only:
no inline script, no inline style, no framing. Every response that is not a public asset
is `no-store`, so that no catpers page, letter or document stays in a browser's or proxy's
cache. Behind HTTPS (ECATPERS_SECURE_COOKIES=1) browsers are told to keep to HTTPS.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

#: Public assets that hold nothing secret and may be cached.
CACHEABLE_ENDPOINTS = {"static", "diagrams.bpmn_js", "styles.status_css", "charts.chart_js"}
HSTS = "max-age=31536000; includeSubDomains"


def init_app(app: Flask) -> None:
    app.after_request(_secure_headers)


def _secure_headers(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = CSP
    headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if current_app.config.get("SECURE_COOKIES"):
        headers["Strict-Transport-Security"] = HSTS
    if request.endpoint not in CACHEABLE_ENDPOINTS:
        headers["Cache-Control"] = "no-store"
        headers.pop("Expires", None)
    return response
