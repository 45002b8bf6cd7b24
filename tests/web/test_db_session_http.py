"""One database session per request: the signed-in user, the reads and the use case share it."""

from __future__ import annotations

from sqlalchemy import event, select

from processes.letters.models import Letter
from tests.conftest import DEMO_PASSWORD
from tests.support.audit import reads
from tests.support.flows import decide, record_in_proses, submit_permohonan
from tests.support.pages import task_of


class Opened:
    """Counts the sessions an app opens and the most connections it holds at once."""

    def __init__(self, app) -> None:
        self._factory = app.extensions["ecatpers_db"]
        app.extensions["ecatpers_db"] = self._open
        engine = app.extensions["ecatpers_engine"]
        event.listen(engine, "checkout", self._checkout)
        event.listen(engine, "checkin", self._checkin)
        self.sessions = self.held = self.most_held = 0

    def reset(self) -> None:
        self.sessions = self.most_held = 0

    def _open(self):
        self.sessions += 1
        return self._factory()

    def _checkout(self, *_args) -> None:
        self.held += 1
        self.most_held = max(self.most_held, self.held)

    def _checkin(self, *_args) -> None:
        self.held -= 1


def opened_by(app, request) -> tuple[object, tuple[int, int]]:
    """The response of `request()`, and the sessions and connections it opened."""
    opened = Opened(app)
    response = request()
    return response, (opened.sessions, opened.most_held)


def test_completing_a_task_that_issues_a_letter_uses_one_session(app, client, auth, session):
    instance_id = submit_permohonan(session)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    auth.login("kasubbid")
    task = task_of(client, instance_id)
    response, used = opened_by(
        app, lambda: client.post(f"/tugas/{task.task_id}", data={
            "keputusan": "SETUJU", "konfirmasi_sandi": DEMO_PASSWORD})
    )
    assert response.status_code == 302
    assert used == (1, 1)
    # The letter's PDF was made after the issuing commit, in that same session.
    session.expire_all()
    assert session.scalar(select(Letter.pdf_sha256)) is not None


def record_page_as(username: str, app, client, auth, session):
    """A Kapuas record's page as `username` gets it, and the sessions and connections used."""
    record = record_in_proses(session, username="op.kapuas")
    auth.login(username)
    return opened_by(app, lambda: client.get(f"/catatan/{record.id}"))


def test_reading_a_record_uses_one_session_and_logs_the_read(app, client, auth, session):
    response, used = record_page_as("kabid", app, client, auth, session)
    assert response.status_code == 200
    assert used == (1, 1)
    assert [what for what, _ground, _nomor in reads(session)] == ["CATATAN"]


def test_a_refused_read_writes_nothing_and_its_page_still_knows_the_user(app, client, auth, session):
    response, used = record_page_as("op.barsel", app, client, auth, session)
    assert response.status_code == 403
    assert used == (1, 1)
    page = response.get_data(as_text=True)
    assert "tidak berwenang membaca catatan personel ini" in page
    assert "Polres Barito Selatan" in page  # the menu reads the user after the rollback
    assert reads(session) == []


def test_commands_outside_a_request_still_work_in_their_own_session(app):
    with app.app_context():  # as `flask --app web run-timers` has it
        result = app.test_cli_runner().invoke(args=["run-timers"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "0 proses dibangunkan."
