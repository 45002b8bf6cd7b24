"""Status badges are legible: white text on each status colour meets WCAG AA (4.5:1 for
normal text), and the three DIAJUKAN statuses are told apart by more than a shade."""

from __future__ import annotations

from processes.records.statuses import STATUSES
from web.styles import LETTER_COLOURS, WAITING_BORDERS


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2.1)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_ratio_is_computed_as_wcag_does():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#ffffff", "#777777"), 2) == 4.48  # the known just-failing grey


def test_white_text_on_every_status_and_letter_colour_meets_aa():
    colours = {**{code: s.colour for code, s in STATUSES.items()}, **LETTER_COLOURS}
    failing = {code: round(contrast("#ffffff", c), 2) for code, c in colours.items()
               if contrast("#ffffff", c) < 4.5}
    assert not failing


def test_the_three_diajukan_statuses_differ_by_border_style_and_hue():
    waiting = [code for code, s in STATUSES.items() if s.waiting]
    assert sorted(waiting) == sorted(WAITING_BORDERS)
    assert len(set(WAITING_BORDERS.values())) == 3
    assert len({STATUSES[code].colour for code in waiting}) == 3

