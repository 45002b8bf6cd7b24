"""Diagram code that would run away is stopped within a time and size bound, with a clear
error, whether it is a script, a gateway condition or a decision cell; no worker hangs."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import resource
import time

import pytest

from engine.decisions import decide
from engine.sandbox import RestrictedEnvironment
from tests.support.diagrams import decision_table

#: Expressions a careless (or hostile) process owner might put in a diagram, and the
#: words of the error that stops each.
RUNAWAY_EXPRESSIONS = {
    "9**9**9": "bilangan hasilnya melebihi 100.000 bit",
    "sum(range(10**12))": "melebihi 1.000.000 karakter atau butir",
    "'a'*10**10": "melebihi 1.000.000 karakter atau butir",
    "[0]*10**10": "melebihi 1.000.000 karakter atau butir",
    "b'ab'*10**10": "melebihi 1.000.000 karakter atau butir",
    "list(range(10**12))": "melebihi 1.000.000 karakter atau butir",
    "1 << 10**10": "bilangan hasilnya melebihi 100.000 bit",
    "pow(9, 10**10)": "bilangan hasilnya melebihi 100.000 bit",
    "'a'.ljust(10**10)": "melebihi 1.000.000 karakter atau butir",
    "f'{1:999999999}'": "melebihi 1.000.000 karakter atau butir",
    "'%999999999d' % 1": "melebihi 1.000.000 karakter atau butir",
    "max([[0]*10**5 for _ in range(100)])": "terlalu berat",
    "sum(1 for _ in range(10**6) for _ in range(10**6))": "melewati batas waktu 1 detik",
}

RUNAWAY_SCRIPTS = {
    "while True:\n    pass": "melewati batas waktu 1 detik",
    "def f(n):\n    return f(n + 1)\nhasil = f(0)": "bersarang lebih dari 50 tingkat",
    "s = 'a'\nfor i in range(64):\n    s = s + s": "melebihi 1.000.000 karakter atau butir",
    "s = 'a'\nfor i in range(64):\n    s += s": "melebihi 1.000.000 karakter atau butir",
    "l = [0]\nfor i in range(64):\n    l.extend(l)": "melebihi 1.000.000 karakter atau butir",
    "s = 'a' * 1000\nfor i in range(9):\n    s = s.replace('a', s)": "melebihi 1.000.000",
}

#: Well past the 1-second budget. Each case runs in a separate process, so that even a
#: regression that hangs inside C code (where no thread can be interrupted) ends the test.
BOUND_SECONDS = 4.0
_MEMORY_BYTES = 2 * 1024**3


def _limit_memory() -> None:
    """In the test's own sandbox process: a regression gets MemoryError, not the OOM killer."""
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_BYTES, _MEMORY_BYTES))


def _run(path: str, code: str) -> tuple[str, str, float]:
    """Run `code` as a condition, a script or a decision cell: (error type, message, seconds)."""
    started = time.monotonic()
    try:
        if path == "kondisi":
            RestrictedEnvironment().evaluate(code, {})
        elif path == "skrip":
            RestrictedEnvironment().execute(code, {})
        else:
            tables = {"uji.dmn": decision_table("keputusan_uji", f"? == ({code})")}
            decide(tables, "keputusan_uji", {"nilai": 1})
    except BaseException as err:  # noqa: BLE001 - whatever it was, the test looks at it
        return type(err).__name__, str(err), time.monotonic() - started
    return "", "", time.monotonic() - started


def _started_pool(context) -> multiprocessing.pool.Pool:
    """A one-process pool that has imported the engine: the bound times the case, not the
    spawn, which on a loaded machine (both suites run side by side) can take seconds."""
    pool = context.Pool(1, initializer=_limit_memory)
    pool.apply(_run, ("kondisi", "1"))
    return pool


@pytest.fixture(scope="module")
def sandbox():
    """Runs one case at a time in a child process; a case that does not end kills it."""
    context = multiprocessing.get_context("spawn")
    pools = [_started_pool(context)]

    def run(path: str, code: str) -> tuple[str, str, float]:
        try:
            return pools[-1].apply_async(_run, (path, code)).get(BOUND_SECONDS)
        except multiprocessing.TimeoutError:
            pools[-1].terminate()
            pools.append(_started_pool(context))
            pytest.fail(f"{code!r} masih berjalan setelah {BOUND_SECONDS} detik")

    yield run
    pools[-1].terminate()


def assert_stopped_with(outcome: tuple[str, str, float], words: str) -> None:
    error, message, seconds = outcome
    assert (error, seconds < BOUND_SECONDS) == ("ScriptError", True), outcome
    assert words in message


@pytest.mark.parametrize("expression", list(RUNAWAY_EXPRESSIONS))
def test_a_runaway_condition_is_stopped(sandbox, expression):
    assert_stopped_with(sandbox("kondisi", expression), RUNAWAY_EXPRESSIONS[expression])


@pytest.mark.parametrize("expression", list(RUNAWAY_EXPRESSIONS))
def test_a_runaway_script_line_is_stopped(sandbox, expression):
    outcome = sandbox("skrip", f"hasil = {expression}")
    assert_stopped_with(outcome, RUNAWAY_EXPRESSIONS[expression])


@pytest.mark.parametrize("script", list(RUNAWAY_SCRIPTS))
def test_a_runaway_script_is_stopped(sandbox, script):
    assert_stopped_with(sandbox("skrip", script), RUNAWAY_SCRIPTS[script])


@pytest.mark.parametrize("expression", ["9**9**9", "sum(range(10**12))", "'a'*10**10"])
def test_a_runaway_decision_cell_is_stopped_and_names_its_table(sandbox, expression):
    outcome = sandbox("keputusan", expression)
    assert_stopped_with(outcome, RUNAWAY_EXPRESSIONS[expression])
    assert outcome[1].startswith("Kode diagram pada tabel keputusan 'keputusan_uji' baris 1 gagal")


def test_ordinary_code_keeps_working_under_the_limits():
    env = RestrictedEnvironment()
    data = {"nilai": [3, 1, 2], "nama": "Budi", "jumlah": 7}
    assert env.evaluate("sorted(nilai) == [1, 2, 3] and 2**10 == 1024", data) is True
    assert env.evaluate("f'{nama!r:>8}' + '-' * 3", data) == "  'Budi'---"
    assert env.evaluate("isinstance(nama, str) and str(jumlah) == '7'", data) is True
    assert env.evaluate("1 < jumlah < 10 and 'ud' in nama", data) is True
    env.execute("hasil = ', '.join(str(n) for n in nilai)\ntotal = sum(nilai)", data)
    assert (data["hasil"], data["total"]) == ("3, 1, 2", 6)
