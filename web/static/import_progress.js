// The import form names its job with a random token, submits as usual, and while the server
// works (the page stays until the answer comes) polls the job's progress once a second.
(function () {
  const form = document.getElementById('import-form');
  if (!form) { return; }
  const box = document.getElementById('import-progress');
  const bar = box.querySelector('progress');
  const text = box.querySelector('.progress-text');
  const number = (n) => n.toLocaleString('id-ID');

  function token() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function show(job) {
    if (!job.state) { return; }
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    text.textContent = job.label + ': ' + number(job.done) + ' dari ' + number(job.total) + ' baris';
  }

  form.addEventListener('submit', () => {
    const job = token();
    form.elements.job.value = job;
    box.hidden = false;
    text.textContent = 'Mengunggah berkas…';
    const url = form.dataset.progress.replace('TOKEN', job);
    window.setInterval(() => {
      fetch(url, { headers: { Accept: 'application/json' } })
        .then((response) => response.json()).then(show).catch(() => {});
    }, 1000);
  });
}());
