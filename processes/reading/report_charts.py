"""The Laporan PDF's charts, drawn on the server as SVG (WeasyPrint renders it, text and
all, without network access or a browser): bars for a list of figures, a donut for
shares, columns for the monthly trend. Each chart prints its numbers beside it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

COLOURS = ("#0b3d91", "#c0392b", "#27ae60", "#d68910", "#7d3c98", "#17a589", "#566573")
WIDTH, ROW = 520, 16
Figure = tuple[str, int]  # label, number


def _svg(height: float, title: str, body: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img"><title>{escape(title)}</title>'
        f'<text x="0" y="12" font-size="11" font-weight="bold">{escape(title)}</text>{body}</svg>'
    )


def bars(title: str, figures: Sequence[Figure]) -> Markup:
    """One horizontal bar per figure, its label left and its number right."""
    top = max((n for _, n in figures), default=0) or 1
    parts = []
    for i, (label, n) in enumerate(figures):
        y = 22 + i * ROW
        length = 300 * n / top
        parts.append(
            f'<text x="0" y="{y + 10}" font-size="9">{escape(label)}</text>'
            f'<rect x="150" y="{y + 2}" width="{length:.1f}" height="{ROW - 5}" fill="{COLOURS[0]}"/>'
            f'<text x="{155 + length:.1f}" y="{y + 10}" font-size="9">{n}</text>')
    return _svg(26 + len(figures) * ROW, title, "".join(parts))


def _slice(cx: float, cy: float, r: float, inner: float, start: float, end: float) -> str:
    if end - start >= 2 * math.pi - 1e-9:  # the whole ring: two half arcs
        return (f"M {cx + r} {cy} A {r} {r} 0 1 1 {cx - r} {cy} A {r} {r} 0 1 1 {cx + r} {cy} "
                f"M {cx + inner} {cy} A {inner} {inner} 0 1 0 {cx - inner} {cy} "
                f"A {inner} {inner} 0 1 0 {cx + inner} {cy} Z")
    large = 1 if end - start > math.pi else 0

    def at(radius: float, angle: float) -> str:
        return f"{cx + radius * math.cos(angle):.2f} {cy + radius * math.sin(angle):.2f}"

    return (f"M {at(r, start)} A {r} {r} 0 {large} 1 {at(r, end)} L {at(inner, end)} "
            f"A {inner} {inner} 0 {large} 0 {at(inner, start)} Z")


def donut(title: str, figures: Sequence[Figure]) -> Markup:
    """A ring of the figures' shares, with a legend of labels, numbers and percentages."""
    total = sum(n for _, n in figures)
    cx, cy, r = 60, 80, 55
    parts, angle = [], -math.pi / 2
    for i, (label, n) in enumerate(figures):
        colour = COLOURS[i % len(COLOURS)]
        if n and total:
            end = angle + 2 * math.pi * n / total
            parts.append(f'<path d="{_slice(cx, cy, r, r * 0.55, angle, end)}" fill="{colour}" '
                         'fill-rule="evenodd"/>')
            angle = end
        share = f" ({100 * n / total:.0f}%)" if total else ""
        y = 30 + i * ROW
        parts.append(f'<rect x="140" y="{y}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="156" y="{y + 9}" font-size="9">{escape(label)}: {n}{share}</text>')
    if not total:
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="#999"/>')
    return _svg(max(150, 34 + len(figures) * ROW), title, "".join(parts))


def columns(title: str, figures: Sequence[Figure]) -> Markup:
    """One column per month, its number above it and its label below."""
    top = max((n for _, n in figures), default=0) or 1
    step = min(40, (WIDTH - 10) / max(len(figures), 1))
    parts = []
    for i, (label, n) in enumerate(figures):
        height, x = 90 * n / top, 5 + i * step
        parts.append(
            f'<rect x="{x:.1f}" y="{120 - height:.1f}" width="{step * 0.7:.1f}" '
            f'height="{height:.1f}" fill="{COLOURS[0]}"/>'
            f'<text x="{x:.1f}" y="{116 - height:.1f}" font-size="8">{n}</text>'
            f'<text x="{x:.1f}" y="132" font-size="7">{escape(label)}</text>')
    return _svg(138, title, "".join(parts))
