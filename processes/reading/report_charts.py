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


#: Width of one character at font size 9, generously (DejaVu Sans averages about 5.2).
CHAR = 5.6
#: The label column never takes more than this, so the bars keep room to be compared.
LABEL_MAX = 260


def bars(title: str, figures: Sequence[Figure]) -> Markup:
    """One horizontal bar per figure, its label left and its number right. The label column
    is as wide as the longest label (up to LABEL_MAX; longer ones wrap onto two lines)."""
    top = max((n for _, n in figures), default=0) or 1
    start = min(LABEL_MAX, CHAR * max((len(label) for label, _ in figures), default=0)) + 8
    room = WIDTH - start - 30
    parts, y = [], 22
    for label, n in figures:
        lines = _wrapped(label, int((start - 8) / CHAR))
        text = "".join(f'<tspan x="0" dy="{0 if k == 0 else 10}">{escape(line)}</tspan>'
                       for k, line in enumerate(lines))
        length = room * n / top
        parts.append(
            f'<text x="0" y="{y + 10}" font-size="9">{text}</text>'
            f'<rect x="{start:.0f}" y="{y + 2}" width="{length:.1f}" height="{ROW - 5}" '
            f'fill="{COLOURS[0]}"/>'
            f'<text x="{start + 5 + length:.1f}" y="{y + 10}" font-size="9">{n}</text>')
        y += ROW + 10 * (len(lines) - 1)
    return _svg(y + 4, title, "".join(parts))


def _wrapped(label: str, width: int) -> list[str]:
    """`label` on one line, or two at a word boundary when longer than `width` characters."""
    if len(label) <= width or " " not in label:
        return [label]
    cut = label.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else label.find(" ")
    return [label[:cut], label[cut + 1:]]


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


def _short_month(label: str) -> str:
    """'Desember 2026' → 'Des 2026': twelve columns leave no room for a month in full, and
    Indonesian months are unambiguous in three letters."""
    name, _, year = label.partition(" ")
    return f"{name[:3]} {year}" if year else label


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
            f'<text x="{x:.1f}" y="132" font-size="7">{escape(_short_month(label))}</text>')
    return _svg(138, title, "".join(parts))
