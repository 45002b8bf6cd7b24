"""An SKHP reads as an officer writes it: the purpose said once ("untuk keperluan Kenaikan
pangkat periode …", even when the operator typed the words again), each finding by what was
done and the rule broken with its status (no stage names of the workflow), no doubled
punctuation, dates in words."""

from __future__ import annotations

from tests.support.access_flows import issue_letter
from tests.support.flows import record_in_proses
from tests.support.letters import pdf_text, tanggal


def test_the_skhp_says_its_purpose_once_and_its_findings_in_words(client, auth, session):
    record_in_proses(session)
    letter = issue_letter(client, auth, session,
                          keterangan_peruntukan="kenaikan pangkat periode 1 Januari 2027")
    auth.login("operator")
    text = pdf_text(client.get(f"/surat/{letter.id}.pdf").data)
    assert "untuk keperluan Kenaikan pangkat periode 1 Januari 2027." in text
    assert "pangkat kenaikan pangkat" not in text.lower()
    assert "status PROSES" in text
    assert "Pencatatan (PROSES)" not in text and "Pencatatan" not in text
    assert ".;" not in text and ";;" not in text
    assert tanggal(letter.issued_on) in text and letter.issued_on.isoformat() not in text
