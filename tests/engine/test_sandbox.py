"""Scripts, conditions and DMN cells run restricted: no import, no open, no dunder walk."""

from __future__ import annotations

import pytest

from engine.sandbox import RestrictedEnvironment


@pytest.fixture
def env():
    return RestrictedEnvironment()


def test_plain_conditions_work(env):
    assert env.evaluate('keputusan == "SETUJU"', {"keputusan": "SETUJU"}) is True
    assert env.evaluate("pangkat in ('AIPDA', 'AIPTU')", {"pangkat": "AKP"}) is False
    assert env.evaluate("len(items) + max(items)", {"items": [1, 5]}) == 7


@pytest.mark.parametrize(
    "expression",
    [
        "().__class__.__base__.__subclasses__()",
        "__import__('os').system('true')",
        "open('/etc/passwd').read()",
        "getattr(x, '__class__')",
    ],
)
def test_escapes_are_refused(env, expression):
    with pytest.raises((SyntaxError, NameError, AttributeError)):
        env.evaluate(expression, {"x": 1})


def test_import_in_a_script_is_refused(env):
    with pytest.raises(ImportError):
        env.execute("import os\nresult = os.getcwd()", {})


def test_script_writes_back_to_task_data(env):
    data = {"a": 2}
    env.execute("b = a * 3\ndel a", data)
    assert data == {"b": 6}
