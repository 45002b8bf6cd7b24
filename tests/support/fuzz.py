"""Hostile input for the fuzz tests: values no form would send, and the rows they must not write.

`ECATPERS_FUZZ_EXAMPLES` sets how many cases each target gets (default `DEFAULT_EXAMPLES`,
sized so the whole fuzz stays near a minute per database); with it set, each run draws new
cases, without it every run draws the same ones.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from processes.setup.schema import METADATA
from tests.support.data import MINIMAL_PDF

DEFAULT_EXAMPLES = 60
EXAMPLES = int(os.environ.get("ECATPERS_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))

_ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs",))
_CONTROL = st.sampled_from(["\x00", "\x01", "\x08", "\x1b[2J", "\x7f", "\u202e", "\u200b", "\ufeff"])

#: A value of one field: text of every kind, control characters, very long text, numbers
#: too big for any column, dates at and past the calendar's edges, or nothing.
JUNK = st.one_of(
    st.text(_ANY_CHAR, max_size=30),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=5), _CONTROL, st.text(max_size=5)),
    st.builds(lambda ch, n: ch * n, st.sampled_from("a9\u00e4\u2014 <>'\""), st.integers(300, 50_000)),
    st.integers(-(10**40), 10**40).map(str),
    st.sampled_from(["9" * 5000, "-1", "0", "1e309", "NaN", "1.5", "0x10", " 7 "]),
    st.dates(min_value=date(1, 1, 1)).map(date.isoformat),
    st.sampled_from(["0000-00-00", "9999-12-31", "10000-01-01", "2026-02-30", "2026-13-01"]),
    st.just(""),
)

DROP = object()

#: What becomes of a spoiled field: left out, junk, or several values where one is expected.
SPOILED = st.one_of(st.just(DROP), JUNK, st.lists(JUNK, min_size=2, max_size=3))


def posts(fields: list[str], valid: dict[str, str]) -> st.SearchStrategy[dict[str, Any]]:
    """A post of a form's `fields`: the `valid` values with up to three of them spoiled, so
    that the checks behind the first refusal (and acceptance itself) are reached too."""

    def spoil(names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
        return st.fixed_dictionaries({name: SPOILED for name in names}).map(
            lambda bad: {k: v for k, v in {**_valid(fields, valid), **bad}.items() if v is not DROP}
        )

    return st.lists(st.sampled_from(fields), max_size=3, unique=True).flatmap(spoil)


def _valid(fields: list[str], valid: dict[str, str]) -> dict[str, Any]:
    return {name: valid[name] for name in fields if name in valid}


_PDF_CONTENT = st.sampled_from([MINIMAL_PDF, b"", b"%PDF-1.4 tidak utuh", b"\x00" * 64, b"<script>"])
UPLOADS = st.one_of(
    st.none(),
    st.builds(lambda content, name: (content, name + ".pdf"), _PDF_CONTENT, st.text(_ANY_CHAR, max_size=20)),
)


def with_upload(post: dict[str, Any], upload: tuple[bytes, str] | None, field: str) -> dict[str, Any]:
    if upload is not None:
        post = {**post, f"{field}__upload": (io.BytesIO(upload[0]), upload[1])}
    return post


def fuzz(strategy: st.SearchStrategy, check: Callable[[Any], None], examples: int = EXAMPLES) -> None:
    """Run `check` on `examples` values drawn from `strategy` (shrinking any that fails)."""

    @settings(
        max_examples=examples, deadline=None, database=None,
        derandomize="ECATPERS_FUZZ_EXAMPLES" not in os.environ,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        check(value)

    run()


def row_counts(session: Session) -> dict[str, int]:
    """Rows of every table a submission could write (logs of reads and refusals aside: a
    refused request may well be logged; it must write nothing else). A refused form's PDF
    is kept on purpose, staged for the corrected try (it expires), so staged files aside too."""
    session.expire_all()
    names = [t.name for md in METADATA for t in md.sorted_tables
             if "log" not in t.name and "audit" not in t.name and t.name != "staged_upload"]
    union = " UNION ALL ".join(f"SELECT '{n}', COUNT(*) FROM {n}" for n in names)
    counts = dict(session.execute(text(union)).all())
    session.rollback()
    return counts
