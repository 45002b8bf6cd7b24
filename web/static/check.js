// CEK: asks the server whether an NRP/NIP is well formed (and what a NIP encodes).
document.querySelectorAll('.check-button').forEach((button) => {
  button.addEventListener('click', () => {
    const field = document.getElementById(button.dataset.target);
    const out = document.getElementById('check-' + field.name);
    const form = field.form;
    const personel = form.querySelector('[name=personel]');
    const gender = form.querySelector('[name=jenis_kelamin]:checked');
    // POST, so the number never goes into an address (proxy logs, history).
    const body = new URLSearchParams({
      personel: personel ? personel.value : '', nomor: field.value,
      jenis_kelamin: gender ? gender.value : '',
      csrf_token: form.querySelector('[name=csrf_token]').value,
    });
    fetch(button.dataset.url, { method: 'POST', body, credentials: 'same-origin' })
      .then((r) => r.json())
      .then((res) => {
        out.className = 'check-result ' + (res.ok ? 'ok' : 'bad');
        const notes = res.ok ? ['Nomor sesuai format.'].concat(res.warnings) : res.errors;
        if (res.info && res.info.tanggal_lahir) { notes.push('Lahir ' + res.info.tanggal_lahir + '.'); }
        out.textContent = notes.join(' ');
      })
      .catch(() => { out.className = 'check-result bad'; out.textContent = 'Pemeriksaan gagal; coba lagi.'; });
  });
});
