// CEK: asks the server whether an NRP/NIP is well formed (and what a NIP encodes). A number
// the personnel master data knows comes back with its identity; the operator confirms it
// ("Pakai data induk") before any field is filled. An unknown number is typed by hand.
const FILLS = {  // form field -> identity key; unit_kerja (pencatatan) and kesatuan (permohonan)
  personel: 'personel', nama: 'nama', pangkat: 'pangkat', jabatan: 'jabatan',
  unit_kerja: 'unit', kesatuan: 'unit', jenis_kelamin: 'jenis_kelamin',
  tempat_lahir: 'tempat_lahir', tanggal_lahir: 'tanggal_lahir', agama: 'agama',
};

function fillForm(form, identity) {
  Object.entries(FILLS).forEach(([name, key]) => {
    const value = identity[key];
    if (!value) { return; }
    form.querySelectorAll('[name="' + name + '"]').forEach((el) => {
      if (el.type === 'radio') { el.checked = el.value === value; } else { el.value = value; }
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  });
}

function identityPanel(form, identity) {
  const panel = document.createElement('div');
  panel.className = 'identity-found';
  const title = document.createElement('strong');
  title.textContent = 'Data induk personel ditemukan:';
  const list = document.createElement('dl');
  [['Nama', identity.nama], ['Pangkat/golongan', identity.pangkat_label],
    ['Jabatan', identity.jabatan], ['Satuan', identity.unit_label]].forEach(([label, value]) => {
    const dt = document.createElement('dt'); dt.textContent = label;
    const dd = document.createElement('dd'); dd.textContent = value;
    list.append(dt, dd);
  });
  const use = document.createElement('button');
  use.type = 'button';
  use.className = 'use-identity';
  use.textContent = 'Pakai data induk';
  use.addEventListener('click', () => {
    fillForm(form, identity);
    panel.replaceChildren('Formulir diisi dari data induk; periksa sebelum mengirim.');
  });
  panel.append(title, list, use);
  return panel;
}

document.querySelectorAll('.check-button').forEach((button) => {
  button.addEventListener('click', () => {
    const field = document.getElementById(button.dataset.target);
    const out = document.getElementById('check-' + field.name);
    const form = field.form;
    const personel = form.querySelector('[name=personel]');
    const gender = form.querySelector('[name=jenis_kelamin]:checked');
    const nama = form.querySelector('[name=nama]');
    // POST, so the number never goes into an address (proxy logs, history).
    const body = new URLSearchParams({
      personel: personel ? personel.value : '', nomor: field.value,
      jenis_kelamin: gender ? gender.value : '', nama: nama ? nama.value : '',
      csrf_token: form.querySelector('[name=csrf_token]').value,
    });
    fetch(button.dataset.url, { method: 'POST', body, credentials: 'same-origin' })
      .then((r) => r.json())
      .then((res) => {
        out.className = 'check-result ' + (res.ok ? 'ok' : 'bad');
        const notes = res.ok ? ['Nomor sesuai format.'].concat(res.warnings) : res.errors;
        if (res.info && res.info.tanggal_lahir) { notes.push('Lahir ' + res.info.tanggal_lahir + '.'); }
        if (res.ok && !res.identity) { notes.push('Tidak ada di data induk personel; isi data secara manual.'); }
        if (res.ok && res.warnings.length) { out.className = 'check-result warn'; }
        out.textContent = notes.join(' ');
        if (res.identity) { out.append(identityPanel(form, res.identity)); }
      })
      .catch(() => { out.className = 'check-result bad'; out.textContent = 'Pemeriksaan gagal; coba lagi.'; });
  });
});
