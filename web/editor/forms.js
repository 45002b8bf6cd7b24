// The form editor: a process owner changes a user-task form without writing JSON — adds,
// removes and reorders fields, changes a label, the required flag and the pick list — and
// sees it rendered by the server with the task page's own fields template, refreshed a
// moment after every change. Our own small editor, not form-js: the format is ours (see
// docs/formulir.md). Changed forms are sent with the diagram to check and deploy.
import * as model from './form_model';

const WIDGET_NAMES = {
  text: 'Teks singkat', textarea: 'Teks panjang', date: 'Tanggal', number: 'Angka',
  select: 'Pilihan', radio: 'Pilihan tombol', file: 'Berkas PDF', group: 'Tabel berulang',
};
const NAME = /^[a-z][a-z0-9_]{0,59}$/;
const WAIT_MS = 300;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === 'text') { node.textContent = v; } else { node.setAttribute(k, v); }
  });
  node.append(...children);
  return node;
}

function sourceSelect(field, lists) {
  const select = el('select', { class: 'field-source', 'aria-label': `Daftar pilihan ${field.name}` });
  select.append(el('option', { value: '', text: '— tanpa daftar (isian teks) —' }));
  if (field.source === model.FIXED) {
    select.append(el('option', { value: model.FIXED, text: 'Pilihan tetap di formulir' }));
  }
  lists.forEach((l) => select.append(el('option', { value: l.name, text: l.title })));
  select.value = field.source;
  return select;
}

function button(cls, text, label) {
  return el('button', { type: 'button', class: cls, 'aria-label': label, text });
}

function row(field, lists) {
  const label = el('input', { class: 'field-label', 'aria-label': `Label ${field.name}`,
    value: field.title, maxlength: '200' });
  const required = el('input', { type: 'checkbox', class: 'field-required' });
  required.checked = field.required;
  const choosable = !['file', 'group'].includes(field.widget);
  return el('li', { class: 'form-field', 'data-field': field.name }, [
    el('span', { class: 'field-name' }, [el('code', { text: field.name }),
      ` ${WIDGET_NAMES[field.widget] || field.widget}${field.section ? ` · ${field.section}` : ''}`]),
    label,
    el('label', { class: 'field-flag' }, [required, ' Wajib']),
    choosable ? sourceSelect(field, lists) : el('span'),
    el('span', { class: 'field-moves' }, [
      button('field-up', '↑', `Naikkan ${field.name}`),
      button('field-down', '↓', `Turunkan ${field.name}`),
      button('field-remove', 'Hapus', `Hapus ${field.name}`)]),
  ]);
}

function post(url, csrf, body) {
  return fetch(url, {
    method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
  }).then((r) => r.json().catch(() => ({ ok: false, message: `Server menjawab ${r.status}.` })));
}

async function start(section, csrf) {
  const q = (s) => section.querySelector(s);
  const lists = JSON.parse(section.dataset.lists);
  const edited = {};
  const changed = new Set();
  let current = null;
  let timer = null;
  let asked = 0;
  const say = (text, kind, problems = []) => {
    q('#form-status').textContent = text;
    q('#form-status').dataset.kind = kind || '';
    q('#form-problems').replaceChildren(...problems.map((p) => el('li', { text: p })));
  };

  async function preview() {
    const mine = ++asked;
    const result = await post(section.dataset.preview, csrf, { form: JSON.stringify(edited[current]) });
    if (mine !== asked) { return; } // a later change asked again
    if (result.ok) {
      q('#form-preview').innerHTML = result.html; // rendered by the server's own template
      section.dataset.previewed = String(mine);
    }
    say(result.message, result.ok ? 'ok' : 'error', result.problems || []);
  }

  function draw() {
    const form = edited[current];
    q('#form-fields').replaceChildren(...model.fields(form).map((f) => row(f, lists)));
    const choice = q('#new-field-section');
    const had = choice.value;
    choice.replaceChildren(...model.sections(form).map((s) => el('option', { value: s, text: s || '(tanpa bagian)' })));
    if ([...choice.options].some((o) => o.value === had)) { choice.value = had; }
  }

  function change(action, redraw = true) {
    action(edited[current]);
    changed.add(current);
    if (redraw) { draw(); }
    document.dispatchEvent(new CustomEvent('ecatpers:changed'));
    clearTimeout(timer);
    timer = setTimeout(preview, WAIT_MS);
  }

  async function open(name) {
    if (!edited[name]) {
      const url = section.dataset.src.replace('__name__', encodeURIComponent(name));
      edited[name] = await fetch(url, { credentials: 'same-origin' }).then((r) => r.json());
    }
    current = name;
    draw();
    await preview();
    section.dataset.open = name;
  }

  const list = q('#form-fields');
  list.addEventListener('input', (e) => {
    const name = e.target.closest('[data-field]')?.dataset.field;
    if (name && e.target.classList.contains('field-label')) {
      change((f) => model.setLabel(f, name, e.target.value), false);
    }
  });
  list.addEventListener('change', (e) => {
    const name = e.target.closest('[data-field]')?.dataset.field;
    if (!name) { return; }
    if (e.target.classList.contains('field-required')) {
      change((f) => model.setRequired(f, name, e.target.checked));
    } else if (e.target.classList.contains('field-source')) {
      change((f) => model.setSource(f, name, e.target.value));
    }
  });
  list.addEventListener('click', (e) => {
    const name = e.target.closest('[data-field]')?.dataset.field;
    const kind = e.target.classList;
    if (!name || e.target.tagName !== 'BUTTON') { return; }
    if (kind.contains('field-up')) { change((f) => model.move(f, name, -1)); }
    if (kind.contains('field-down')) { change((f) => model.move(f, name, 1)); }
    if (kind.contains('field-remove')) { change((f) => model.remove(f, name)); }
  });
  q('#add-field').addEventListener('click', () => {
    const name = q('#new-field-name').value.trim();
    const title = q('#new-field-label').value.trim();
    if (!NAME.test(name)) {
      say('Nama isian: huruf kecil, angka dan garis bawah, diawali huruf.', 'error');
      return;
    }
    if (model.fields(edited[current]).some((f) => f.name === name)) {
      say(`Nama isian '${name}' dipakai dua kali.`, 'error');
      return;
    }
    change((f) => model.add(f, { name, title, widget: q('#new-field-widget').value,
      section: q('#new-field-section').value }));
    q('#new-field-name').value = '';
    q('#new-field-label').value = '';
  });

  window.ecatpersForms = {
    // The forms changed here, name → JSON text, for checking and deploying with the diagram.
    draft() { return Object.fromEntries([...changed].map((n) => [n, JSON.stringify(edited[n], null, 1)])); },
  };
  q('#form-choice').addEventListener('change', () => open(q('#form-choice').value));
  await open(q('#form-choice').value);
  section.dataset.ready = 'true';
}

const section = document.getElementById('forms');
if (section) {
  start(section, document.getElementById('editor').dataset.csrf).catch((err) => {
    section.querySelector('#form-status').textContent = `Formulir tidak dapat dibuka: ${err.message}`;
  });
}
