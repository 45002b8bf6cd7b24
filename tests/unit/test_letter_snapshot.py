"""An issued letter's content survives the JSON round trip exactly."""

from datetime import date

from processes.letters.pdf import Finding, Identity, Signatory, SkhpLetter
from processes.letters.pdf.snapshot import from_json, to_json


def test_skhp_round_trip():
    letter = SkhpLetter(
        nomor="SKHP/1/XI/2026/LITPERS", tanggal_terbit=date(2026, 11, 22),
        berlaku_sampai=date(2027, 5, 22), tempat="Palangka Raya", kepada="Karo SDM",
        dasar=["a", "b"],
        identitas=Identity("Budi", "AIPDA", "85051234", "Banit", "Polres Kapuas", "Laki-laki",
                           tanggal_lahir=date(1985, 5, 1)),
        temuan=[Finding("PIDANA", "TIDAK ADA")], peruntukan="Kenaikan pangkat",
        penandatangan=Signatory(True, "KASUBBID PAMINAL", "Hendra", "NRP 1"),
        paraf=["Konseptor"], verify_url="http://x/verifikasi/t",
    )
    assert from_json("SKHP", to_json(letter)) == letter
