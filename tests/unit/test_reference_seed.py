"""Unit tests for processes.reference_seed (pure seed data); no database."""

from collections import Counter

import pytest

from processes.reference import seed

ALL_LISTS = {
    "UNITS": seed.UNITS,
    "PANGKAT": seed.PANGKAT,
    "JENIS_PELANGGARAN": seed.JENIS_PELANGGARAN,
    "WUJUD_PERBUATAN": seed.WUJUD_PERBUATAN,
    "PASAL": seed.PASAL,
    "JENIS_DOKUMEN": seed.JENIS_DOKUMEN,
    "SANKSI": seed.SANKSI,
    "DITANGANI_OLEH": seed.DITANGANI_OLEH,
}

JENIS_CODES = {row["code"] for row in seed.JENIS_PELANGGARAN}


@pytest.mark.parametrize("name", sorted(ALL_LISTS))
def test_codes_unique_and_non_empty(name: str) -> None:
    rows = ALL_LISTS[name]
    assert rows, name
    codes = [row["code"] for row in rows]
    assert all(isinstance(c, str) and c.strip() == c and c for c in codes)
    duplicates = [c for c, n in Counter(codes).items() if n > 1]
    assert duplicates == [], f"{name}: duplicate codes {duplicates}"


def test_reference_lists_mapping_matches_module_lists() -> None:
    assert seed.REFERENCE_LISTS.keys() == ALL_LISTS.keys()
    for name, rows in ALL_LISTS.items():
        assert seed.REFERENCE_LISTS[name] is rows


# --- units -----------------------------------------------------------------


def test_single_root_unit() -> None:
    roots = [u for u in seed.UNITS if u["parent"] is None]
    assert len(roots) == 1
    assert roots[0]["code"] == "POLDA-KALTENG"
    assert roots[0]["name"] == "Polda Kalimantan Tengah"
    assert roots[0]["jenis"] == "POLDA"


def test_fourteen_polres() -> None:
    polres = [u for u in seed.UNITS if u["jenis"] == "POLRES"]
    assert len(polres) == 14
    names = {u["name"] for u in polres}
    assert "Polresta Palangka Raya" in names
    assert "Polres Kapuas" in names
    assert "Polres Sukamara" in names
    codes = {u["code"] for u in polres}
    assert {"POLRESTA-PALANGKA-RAYA", "POLRES-KAPUAS"} <= codes


def test_satker_present() -> None:
    satker = {u["code"]: u for u in seed.UNITS if u["jenis"] == "SATKER"}
    assert "SATKER-BIDPROPAM" in satker
    assert satker["SATKER-BIDPROPAM"]["name"] == "Bidpropam"
    assert "SATKER-ITWASDA" in satker
    assert "SATKER-BIDDOKKES" in satker
    assert len(satker) == 24


def test_unit_parents_exist_and_kinds_known() -> None:
    codes = {u["code"] for u in seed.UNITS}
    for unit in seed.UNITS:
        assert set(unit) == {"code", "name", "parent", "jenis"}
        assert unit["jenis"] in {"POLDA", "POLRES", "SATKER"}
        if unit["jenis"] != "POLDA":
            assert unit["parent"] == "POLDA-KALTENG"
        assert unit["parent"] is None or unit["parent"] in codes


# --- pangkat ---------------------------------------------------------------


def _group(name: str) -> list[dict]:
    return [p for p in seed.PANGKAT if p["group"] == name]


def test_every_pangkat_group_present() -> None:
    groups = {p["group"] for p in seed.PANGKAT}
    assert groups == {"PATI", "PAMEN", "PAMA", "BINTARA", "TAMTAMA", "PNS"}


def test_group_sizes() -> None:
    assert [p["code"] for p in _group("PATI")] == [
        "JENDERAL",
        "KOMJEN",
        "IRJEN",
        "BRIGJEN",
    ]
    assert len(_group("PAMEN")) == 3
    assert len(_group("PAMA")) == 3
    assert len(_group("BINTARA")) == 6
    assert len(_group("TAMTAMA")) == 6


def test_asn_has_seventeen_golongan() -> None:
    asn = [p for p in seed.PANGKAT if p["personel"] == "ASN"]
    assert len(asn) == 17
    assert asn == _group("PNS")
    assert asn[0]["code"] == "IV/e"
    assert asn[0]["name"] == "Pembina Utama (IV/e)"
    assert asn[-1]["code"] == "I/a"
    assert Counter(p["golongan"] for p in asn) == {"I": 4, "II": 4, "III": 4, "IV": 5}


def test_pangkat_order_highest_first() -> None:
    orders = [p["order"] for p in seed.PANGKAT]
    assert orders == list(range(1, len(seed.PANGKAT) + 1))
    first = seed.PANGKAT[0]
    assert first["code"] == "JENDERAL" and first["order"] == 1
    by_code = {p["code"]: p for p in seed.PANGKAT}
    assert by_code["KOMBES"]["order"] < by_code["AKBP"]["order"]
    assert by_code["AKBP"]["order"] < by_code["IPDA"]["order"]
    assert by_code["IPDA"]["order"] < by_code["AIPTU"]["order"]
    assert by_code["BRIPDA"]["order"] < by_code["ABRIP"]["order"]
    assert by_code["BRIGPOL"]["name"] == "Brigadir Polisi (BRIGPOL)"
    assert by_code["KOMBES"]["name"] == "Komisaris Besar Polisi (Kombes Pol)"


def test_polri_pangkat_shape() -> None:
    for p in seed.PANGKAT:
        if p["personel"] == "POLRI":
            assert p["golongan"] is None
            assert p["code"] == p["code"].upper() and " " not in p["code"]
        else:
            assert p["personel"] == "ASN"
            assert p["golongan"] in {"I", "II", "III", "IV"}


# --- jenis, wujud, pasal, sanksi --------------------------------------------


def test_jenis_pelanggaran() -> None:
    assert seed.JENIS_PELANGGARAN == [
        {"code": "DISIPLIN", "label": "Disiplin"},
        {"code": "KEPP", "label": "Kode Etik (KEPP)"},
        {"code": "PIDANA", "label": "Pidana"},
    ]


def test_wujud_perbuatan_codes_upper_snake() -> None:
    codes = {w["code"] for w in seed.WUJUD_PERBUATAN}
    for code in codes:
        assert code == code.upper()
        assert all(ch.isalnum() or ch == "_" for ch in code)
    assert {"DESERSI", "KDRT", "TAHANAN_KABUR", "PENYALAHGUNAAN_MEDIA_SOSIAL"} <= codes


@pytest.mark.parametrize("name", ["PASAL", "SANKSI"])
def test_jenis_is_known_code(name: str) -> None:
    for row in ALL_LISTS[name]:
        assert row["jenis"] in JENIS_CODES, row
        assert row["personel"] in {"POLRI", "ASN", None}, row


def _pasal_codes(prefix: str) -> list[str]:
    return [p["code"] for p in seed.PASAL if p["code"].startswith(prefix)]


def test_pasal_structure() -> None:
    assert len(_pasal_codes("PP2-2003-P3-")) == 10
    assert len(_pasal_codes("PP2-2003-P4-")) == 15
    assert len(_pasal_codes("PP2-2003-P5-")) == 10
    assert len(_pasal_codes("PP2-2003-P6-")) == 24
    assert _pasal_codes("PP2-2003-P6-")[-1] == "PP2-2003-P6-x"
    assert len(_pasal_codes("PERPOL7-2022-")) == 10
    assert len(_pasal_codes("PP94-2021-P3-")) == 8
    assert len(_pasal_codes("PP94-2021-P4-")) == 9
    assert len(_pasal_codes("PP94-2021-P5-")) == 14
    by_code = {p["code"]: p for p in seed.PASAL}
    assert by_code["PP2-2003-P3-a"]["jenis"] == "DISIPLIN"
    assert by_code["PP2-2003-P3-a"]["personel"] == "POLRI"
    assert by_code["PP94-2021-P5-n"]["personel"] == "ASN"
    assert by_code["PERPOL7-2022-P9"]["label"] == "Perpol 7/2022 Pasal 9 (larangan)"
    assert by_code["PERPOL7-2022-P4"]["jenis"] == "KEPP"
    assert any(p["jenis"] == "PIDANA" for p in seed.PASAL)


def test_sanksi_kinds() -> None:
    kepp_kinds = {s["sifat"] for s in seed.SANKSI if s["jenis"] == "KEPP"}
    assert kepp_kinds == {"ETIKA", "ADMINISTRATIF"}
    labels = {s["label"] for s in seed.SANKSI if s["jenis"] == "PIDANA"}
    assert labels == {"Pidana penjara", "Pidana bersyarat"}  # bebas/lepas is an amar putusan
    assert any(s["personel"] == "ASN" for s in seed.SANKSI)
    assert any(s["jenis"] == "DISIPLIN" and s["personel"] == "POLRI" for s in seed.SANKSI)


def test_jenis_dokumen_and_ditangani_oleh() -> None:
    labels = {d["label"] for d in seed.JENIS_DOKUMEN}
    assert {"Laporan Polisi", "DP3D", "BP3KEPP", "Lainnya"} <= labels
    assert len(seed.JENIS_DOKUMEN) == 10
    assert seed.DITANGANI_OLEH == [
        {"code": "POLDA", "label": "Polda"},
        {"code": "MABES", "label": "Mabes Polri"},
    ]


@pytest.mark.parametrize("name", sorted(ALL_LISTS))
def test_every_row_has_a_label_or_name(name: str) -> None:
    for row in ALL_LISTS[name]:
        text = row.get("label", row.get("name"))
        assert isinstance(text, str) and text.strip(), row


def test_each_sanction_length_names_its_unit_and_regulation_and_the_issues_limits() -> None:
    by_code = {s["code"]: s for s in seed.SANKSI}
    assert (by_code["DISIPLIN_PATSUS"]["lama_satuan"], by_code["DISIPLIN_PATSUS"]["lama_max"]) == (
        "HARI", 21)
    assert (by_code["KEPP_PATSUS"]["lama_satuan"], by_code["KEPP_PATSUS"]["lama_max"]) == (
        "HARI_KERJA", 30)
    assert (by_code["KEPP_TUNDA_PANGKAT"]["lama_min"], by_code["KEPP_TUNDA_PANGKAT"]["lama_max"]) == (
        1, 3)
    assert by_code["KEPP_DEMOSI"]["lama_min"] == 1 and "lama_max" not in by_code["KEPP_DEMOSI"]
    assert [by_code[f"ASN_POTONG_TUKIN_{n}"]["lama_tetap"] for n in (6, 9, 12)] == [6, 9, 12]
    for row in seed.SANKSI:
        if row.get("lama_satuan"):
            assert row["dasar"], row["code"]
