"""Two people complete one task: wherever the other one gets in first, the loser is told
"Tugas ini sudah diselesaikan oleh …", never a refusal or a missing submission.

The test walks every point of the loser's request: the winner completes the task just
before the loser's first SQL statement, then just before its second, and so on, until the
loser holds the instance's lock (from then on the winner must wait and becomes the loser).
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, select

import engine
from engine.models import TaskHistory
from processes.accounts.users import actor_for
from processes.work.runtime import RUNTIME
from tests.support.actors import user
from tests.support.flows import submitted_record, task_of
from tests.support.pages import parse, squash

DONE_BY_KAURLITPERS = "Tugas ini sudah diselesaikan oleh Iptu Rina Marlina (Kaurlitpers)."
#: How long the loser's statement waits for the winner before deciding it is blocked.
WINNER_WAIT = 1.0


class WinnerBefore:
    """Lets the winner complete the task in its own thread just before the loser's n-th
    statement; notes whether the winner got through or had to wait for the loser."""

    def __init__(self, app_engine, n: int, win) -> None:
        self.app_engine, self.n, self.win = app_engine, n, win
        self.seen = 0
        self.thread: threading.Thread | None = None
        self.result: object = None

    def _run(self) -> None:
        try:
            self.result = self.win()
        except engine.EngineError as err:
            self.result = err

    def _before(self, *_args) -> None:
        self.seen += 1
        if self.seen == self.n:
            self.thread = threading.Thread(target=self._run, daemon=True)
            self.thread.start()
            self.thread.join(WINNER_WAIT)

    @property
    def waited_for_the_loser(self) -> bool:
        return self.thread is not None and self.result is None and self.thread.is_alive()

    def __enter__(self):
        event.listen(self.app_engine, "before_cursor_execute", self._before)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.app_engine, "before_cursor_execute", self._before)


def messages(client, response) -> str:
    if response.status_code == 302:
        response = client.get(response.headers["Location"])
    return " ".join(squash(f.text_content()) for f in parse(response).xpath('//*[contains(@class, "flash")]'))


def test_the_loser_of_a_race_is_told_who_completed_the_task(app, client, auth, session, session_factory):
    auth.login("kaurlitpers")
    app_engine = app.extensions["ecatpers_engine"]
    for n in range(1, 200):
        record = submitted_record(session, nomor_identitas=f"9301{n:04d}")
        task_id = task_of(session, "kaurlitpers", record.instance_id).id

        def win(task_id=task_id):
            with session_factory() as other:
                kaur = actor_for(user(other, "kaurlitpers"))
                RUNTIME.complete_task(other, kaur, task_id, {"keputusan": "SETUJU"})
                other.commit()

        with WinnerBefore(app_engine, n, win) as winner:
            response = client.post(f"/tugas/{task_id}", data={"keputusan": "KEMBALIKAN",
                                                             "catatan": "Berkas belum lengkap"})
        if winner.thread is not None:
            winner.thread.join(30)
        outcomes = session.scalars(select(TaskHistory.outcome).where(TaskHistory.task_id == task_id)).all()
        assert len(outcomes) == 1, (n, outcomes)
        if winner.thread is None:
            pytest.fail(f"the loser's request ran only {n - 1} statements, yet kept the lock?")
        if isinstance(winner.result, engine.TaskNotOpen):  # the loser had the lock: roles swap
            assert str(winner.result) == DONE_BY_KAURLITPERS
            assert outcomes == ["KEMBALIKAN"] and response.status_code == 302
            return
        assert winner.result is None and outcomes == ["SETUJU"], (n, winner.result)
        assert response.status_code in (302, 422), (n, response.status_code)
        assert DONE_BY_KAURLITPERS in messages(client, response), (n, messages(client, response))
    pytest.fail("the loser never took the instance's lock")
