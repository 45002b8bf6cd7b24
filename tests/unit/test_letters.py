"""SKHP and rekam jejak letters: rendered to PDF, read back with pypdf.

No database and no app: sample dataclasses go in, the PDF's extracted text must
carry every fact the letter is there to state.
"""

from __future__ import annotations

from datetime import date

import pytest

from processes.letters.pdf import (
    Finding,
    Identity,
    RecordEntry,
    RekamJejakLetter,
    Signatory,
    SkhpLetter,
    TahapLine,
    format_tanggal,
    qr_svg,
    rekam_jejak_html,
    render_rekam_jejak,
    render_skhp,
    skhp_html,
)
from tests.support.letters import pdf_pages, pdf_text

VERIFY_URL = "https://ecatpers.propam-kalteng.example/verifikasi/skhp/9f3c2a7b"


def sample_identity() -> Identity:
    return Identity(
        nama="Budi Santoso",
        pangkat="BRIPKA",
        nrp_nip="88051234",
        jabatan="Banit Reskrim Polsek Pahandut",
        kesatuan="Polresta Palangka Raya",
        jenis_kelamin="Laki-laki",
        tempat_lahir="Sampit",
        tanggal_lahir=date(1988, 5, 17),
        agama="Islam",
    )


def sample_signatory() -> Signatory:
    return Signatory(
        atas_nama=True,
        jabatan="KASUBBID PAMINAL",
        nama="Andi Wijaya, S.I.K.",
        pangkat_nrp="AKBP NRP 79030456",
    )


def sample_skhp() -> SkhpLetter:
    return SkhpLetter(
        nomor="SKHP/123/XI/2026/LITPERS",
        tanggal_terbit=date(2026, 5, 22),
        berlaku_sampai=date(2026, 11, 22),
        tempat="Palangka Raya",
        kepada="Karo SDM Polda Kalteng\ndi\nPalangka Raya",
        dasar=[
            (
                "Peraturan Kepala Divisi Profesi dan Pengamanan Polri Nomor 1 Tahun 2016 "
                "tentang Standar Operasional Prosedur Catatan Personel bagi Pegawai Negeri "
                "pada Kepolisian Negara Republik Indonesia."
            ),
            (
                "Surat Karo SDM Polda Kalteng Nomor B/456/V/KEP./2026/Ro SDM tanggal "
                "15 Mei 2026 perihal permohonan SKHP."
            ),
        ],
        identitas=sample_identity(),
        temuan=[
            Finding("PIDANA", "TIDAK ADA"),
            Finding(
                "KODE ETIK",
                "MASIH DALAM PROSES",
                "BP3KEPP/12/IV/2026/Subbid Wabprof, sidang KKEP belum dilaksanakan",
            ),
            Finding("DISIPLIN", "SUDAH SELESAI", "KHD/7/II/2024, teguran tertulis"),
        ],
        peruntukan="kenaikan pangkat periode 1 Juli 2026",
        penandatangan=sample_signatory(),
        paraf=["Konseptor", "Kaurlitpers", "Kasubbid Paminal"],
        verify_url=VERIFY_URL,
    )


def sample_rekam_jejak() -> RekamJejakLetter:
    return RekamJejakLetter(
        nomor="RJ/45/XI/2026/LITPERS",
        tanggal_terbit=date(2026, 11, 3),
        tempat="Palangka Raya",
        identitas=sample_identity(),
        catatan=[
            RecordEntry(
                jenis="Disiplin",
                satker="Polresta Palangka Raya",
                wujud="Tidak masuk dinas tanpa keterangan",
                pasal="PP 2/2003 Pasal 4 huruf f",
                status="SELESAI",
                tahapan=[
                    TahapLine("Pencatatan", date(2024, 1, 8), "LP/3/I/2024/Provos", "Dicatat"),
                    TahapLine("Update I", date(2024, 1, 20), "DP3D/5/I/2024", "Limpah Polda"),
                    TahapLine("Update II", date(2024, 2, 12), "KHD/7/II/2024", "Teguran tertulis"),
                    TahapLine("Pemutakhiran", date(2024, 8, 12), "-", "Berakhirnya hukuman"),
                ],
            ),
            RecordEntry(
                jenis="Kode Etik (KEPP)",
                satker="Polresta Palangka Raya",
                wujud="Penyalahgunaan wewenang",
                pasal="Perpol 7/2022 Pasal 10 ayat (1) huruf a",
                status="PROSES",
                tahapan=[
                    TahapLine("Pencatatan", date(2026, 4, 2), "LP-A/12/IV/2026/Wabprof", "Dicatat"),
                ],
            ),
        ],
        skhp_terbit=["SKHP/123/XI/2026/LITPERS"],
        penandatangan=Signatory(
            atas_nama=False,
            jabatan="KEPALA BIDANG PROPAM",
            nama="Hendra Gunawan, S.I.K., M.H.",
            pangkat_nrp="KOMBES POL NRP 72010987",
        ),
        verify_url="https://ecatpers.propam-kalteng.example/verifikasi/rj/5e1d",
    )


@pytest.fixture(scope="module")
def skhp_pdf() -> bytes:
    return render_skhp(sample_skhp())


def test_format_tanggal_in_indonesian():
    assert format_tanggal(date(2026, 11, 22)) == "22 November 2026"
    assert format_tanggal(date(2027, 2, 1)) == "1 Februari 2027"
    assert format_tanggal(date(2026, 5, 9)) == "9 Mei 2026"
    assert format_tanggal(date(2026, 8, 17)) == "17 Agustus 2026"
    assert format_tanggal(None) == "-"


def test_skhp_states_every_fact(skhp_pdf):
    text, pages = pdf_text(skhp_pdf), pdf_pages(skhp_pdf)
    assert "SURAT KETERANGAN HASIL PENELITIAN PERSONEL" in text
    assert "(SKHP)" in text
    assert "Nomor: SKHP/123/XI/2026/LITPERS" in text
    assert "Dasar" in text and "Nomor 1 Tahun 2016" in text
    assert "BUDI SANTOSO" in text.upper()
    assert "BRIPKA/88051234" in text
    assert "Pangkat/NRP" in text
    assert "Sampit, 17 Mei 1988" in text
    assert "Polresta Palangka Raya" in text
    assert "berdasarkan hasil penelitian catatan personel" in text
    assert "Perkara pidana : TIDAK ADA" in text
    # A long rincian may wrap at "/", so it is checked in two parts.
    assert "Pelanggaran kode etik profesi Polri : MASIH DALAM PROSES; BP3KEPP/12/IV/2026/" in text
    assert "Subbid Wabprof, sidang KKEP belum dilaksanakan" in text
    assert "Pelanggaran disiplin : SUDAH SELESAI; KHD/7/II/2024, teguran tertulis" in text
    assert (
        "Surat keterangan ini diberikan untuk keperluan kenaikan pangkat periode 1 Juli 2026."
        in text
    )
    assert (
        "berlaku selama 6 (enam) bulan sejak tanggal dikeluarkan, "
        "sampai dengan 22 November 2026" in text
    )
    assert "Palangka Raya" in text and "22 Mei 2026" in text
    assert "a.n. KEPALA BIDANG PROPAM KASUBBID PAMINAL" in text
    assert "ANDI WIJAYA, S.I.K." in text and "AKBP NRP 79030456" in text
    assert "Kepada Yth.: Karo SDM Polda Kalteng di Palangka Raya" in text
    for paraf in ("Konseptor", "Kaurlitpers", "Kasubbid Paminal"):
        assert paraf in text
    assert "Pindai untuk verifikasi keaslian" in text
    assert "KEPOLISIAN NEGARA REPUBLIK INDONESIA" in text
    assert "BIDANG PROFESI DAN PENGAMANAN" in text
    for page in pages:
        assert page.count("RAHASIA") >= 2, "RAHASIA must head and foot every page"


def test_skhp_finding_order_follows_the_letter(skhp_pdf):
    text = pdf_text(skhp_pdf)
    positions = [text.index(label) for label in ("Perkara pidana", "kode etik", "disiplin :")]
    assert positions == sorted(positions)


def test_skhp_for_asn_uses_nip_and_own_signatory():
    asn = sample_identity().__class__(
        nama="Siti Rahmawati",
        pangkat="Penata (III/c)",
        nrp_nip="198705172010122001",
        jabatan="Paur Subbid Paminal",
        kesatuan="Bidpropam Polda Kalteng",
        jenis_kelamin="Perempuan",
    )
    base = sample_skhp()
    letter = SkhpLetter(
        **{
            **base.__dict__,
            "identitas": asn,
            "temuan": [
                Finding("PIDANA", "TIDAK ADA"),
                Finding("KODE ETIK", "TIDAK ADA"),
                Finding("DISIPLIN", "TIDAK ADA"),
            ],
            "penandatangan": Signatory(False, "KEPALA BIDANG PROPAM", "Hendra", "KOMBES POL"),
        }
    )
    text = pdf_text(render_skhp(letter))
    assert "Pangkat/NIP" in text and "Penata (III/c)/198705172010122001" in text
    assert "Perkara pidana : TIDAK ADA" in text
    assert "Pelanggaran disiplin : TIDAK ADA" in text
    assert "a.n." not in text
    assert "KEPALA BIDANG PROPAM" in text


def test_skhp_html_escapes_user_text_and_embeds_the_qr():
    base = sample_skhp()
    letter = SkhpLetter(**{**base.__dict__, "peruntukan": "seleksi <script>x</script>"})
    html = skhp_html(letter)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<svg" in html and "<path" in html


def test_qr_svg_is_inline_vector():
    svg = qr_svg(VERIFY_URL)
    assert svg.startswith(("<svg", "<?xml"))
    assert "<path" in svg or "<rect" in svg
    assert 'width="26mm"' in svg
    assert qr_svg("https://a.example/1") != qr_svg("https://a.example/2")


def test_rekam_jejak_lists_every_record_and_tahap():
    letter = sample_rekam_jejak()
    pdf = render_rekam_jejak(letter)
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    assert "REKAM JEJAK PERSONEL" in text
    assert "Nomor: RJ/45/XI/2026/LITPERS" in text
    assert "BUDI SANTOSO" in text.upper() and "BRIPKA/88051234" in text
    for record in letter.catatan:
        for value in (record.jenis, record.wujud, record.pasal, record.status):
            assert value in text
        for tahap in record.tahapan:
            assert tahap.tahap in text and tahap.dokumen in text
            assert format_tanggal(tahap.tanggal) in text
    assert "Teguran tertulis" in text and "Berakhirnya hukuman" in text
    assert "SKHP/123/XI/2026/LITPERS" in text
    assert "KEPALA BIDANG PROPAM" in text and "KOMBES POL NRP 72010987" in text
    assert "a.n." not in text
    assert "3 November 2026" in text
    assert "Pindai untuk verifikasi keaslian" in text
    for page in pages:
        assert page.count("RAHASIA") >= 2
    assert "<svg" in rekam_jejak_html(letter)


def test_rekam_jejak_without_records():
    base = sample_rekam_jejak()
    letter = RekamJejakLetter(
        **{**base.__dict__, "catatan": [], "skhp_terbit": [], "verify_url": ""}
    )
    text = pdf_text(render_rekam_jejak(letter))
    assert "Tidak terdapat catatan personel" in text
    assert "Belum pernah diterbitkan SKHP" in text
    assert "Pindai" not in text
