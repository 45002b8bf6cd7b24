"""A pick list that follows another field of the same form (pasal follows jenis)."""

from forms import layout, validate

FORM = {
    "schema": {
        "type": "object",
        "required": ["jenis", "pasal"],
        "properties": {
            "jenis": {"type": "string", "title": "Jenis pelanggaran"},
            "pasal": {"type": "string", "title": "Pasal"},
        },
    },
    "ui": {"fields": {
        "jenis": {"widget": "select", "options": "jenis"},
        "pasal": {"widget": "select", "options": "pasal", "filter": {"jenis": "jenis"}},
    }},
}
LISTS = {
    "jenis": [("DISIPLIN", "Disiplin", {}), ("KEPP", "Kode etik", {})],
    "pasal": [("PP2-5a", "PP 2/2003 Pasal 5a", {"jenis": "DISIPLIN"}),
              ("PERPOL-10", "Perpol 7/2022 Pasal 10", {"jenis": "KEPP"}),
              ("UMUM", "Berlaku untuk semua", {}),
              ("GANDA", "Dua jenis", {"jenis": ["DISIPLIN", "KEPP"]})],
}


def options(name, where=None):
    def fits(attrs):
        return all(attrs.get(k) is None or (v in attrs[k] if isinstance(attrs[k], list)
                                             else attrs[k] == v) for k, v in (where or {}).items())
    return [item for item in LISTS[name] if fits(item[2])]


def test_a_pasal_of_another_jenis_is_refused_with_a_reason():
    _, errors = validate(FORM, {"jenis": "KEPP", "pasal": "PP2-5a"}, options)
    assert errors == {"pasal": "Pasal ini tidak berlaku untuk Jenis pelanggaran yang dipilih."}


def test_a_fitting_pasal_passes():
    for pasal in ("PERPOL-10", "UMUM", "GANDA"):
        clean, errors = validate(FORM, {"jenis": "KEPP", "pasal": pasal}, options)
        assert errors == {} and clean["pasal"] == pasal


def test_an_unknown_pasal_is_still_unknown():
    _, errors = validate(FORM, {"jenis": "KEPP", "pasal": "NGAWUR"}, options)
    assert errors["pasal"] == "Pilihan Pasal tidak dikenal; pilih dari daftar."


def test_the_form_offers_every_pasal_with_what_it_follows():
    (section,) = layout(FORM, {"jenis": "KEPP"}, {}, options)
    pasal = section.fields[1]
    assert pasal.depends == {"jenis": "jenis"}
    assert [value for value, _ in pasal.choices] == ["PP2-5a", "PERPOL-10", "UMUM", "GANDA"]
    assert pasal.choice_attrs["PP2-5a"] == {"jenis": "DISIPLIN"}
    assert pasal.choice_attrs["UMUM"] == {"jenis": None}
    assert section.fields[0].depends == {}
