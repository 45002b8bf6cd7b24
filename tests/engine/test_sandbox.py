"""Scripts, conditions and DMN cells run restricted: no import, no open, no dunder walk.

Every refusal reaches the caller as the engine's own ScriptError, saying why in words.
"""

from __future__ import annotations

import pytest

from engine import ScriptError
from engine.sandbox import RestrictedEnvironment


@pytest.fixture
def env():
    return RestrictedEnvironment()


def test_plain_conditions_work(env):
    assert env.evaluate('keputusan == "SETUJU"', {"keputusan": "SETUJU"}) is True
    assert env.evaluate("pangkat in ('AIPDA', 'AIPTU')", {"pangkat": "AKP"}) is False
    assert env.evaluate("len(items) + max(items)", {"items": [1, 5]}) == 7


@pytest.mark.parametrize(
    ("expression", "why"),
    [
        ("().__class__.__base__.__subclasses__()", "kode ditolak"),
        ("__import__('os').system('true')", "kode ditolak"),
        ("open('/etc/passwd').read()", "nama yang dipakai tidak dikenal"),
        ("getattr(x, '__class__')", "nama yang dipakai tidak dikenal"),
    ],
)
def test_escapes_are_refused(env, expression, why):
    with pytest.raises(ScriptError, match=why):
        env.evaluate(expression, {"x": 1})


def test_import_in_a_script_is_refused(env):
    with pytest.raises(ScriptError, match="impor tidak diizinkan"):
        env.execute("import os\nresult = os.getcwd()", {})


def test_try_and_with_are_refused_so_no_script_catches_its_own_stop(env):
    with pytest.raises(ScriptError, match="try/except tidak diizinkan"):
        env.execute("try:\n    x = 1\nexcept BaseException:\n    x = 2", {})


def test_task_data_cannot_replace_the_guards(env):
    hostile = {"_getattr_": lambda obj, name, default=None: "diganti", "x": 5}
    assert env.evaluate("x.real", hostile) == 5


def test_script_writes_back_to_task_data(env):
    data = {"a": 2}
    env.execute("b = a * 3\ndel a", data)
    assert data == {"b": 6}
