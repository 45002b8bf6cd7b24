// The process owner's diagram editor: bpmn-js Modeler with the properties panel and our
// spiffworkflow descriptor. "Simpan dan periksa" sends the diagram to the server's
// validation and lists every problem (a click selects the element; each is marked on the
// canvas); only a diagram checked clean, unchanged since, may be deployed.
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import spiffworkflow from './spiffworkflow.json';
import ecatpersProvider, { OPEN_GROUPS } from './provider';
import translate from './translate';

const MARK = 'has-problem';

function post(url, csrf, body) {
  return fetch(url, {
    method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
  }).then((r) => r.json().catch(() => ({ ok: false, message: `Server menjawab ${r.status}.` })));
}

function listProblems(modeler, list, problems) {
  const canvas = modeler.get('canvas');
  const registry = modeler.get('elementRegistry');
  registry.forEach((el) => canvas.removeMarker(el, MARK));
  list.replaceChildren();
  problems.forEach((p) => {
    const item = document.createElement('li');
    item.dataset.element = p.element_id || '';
    const shape = p.element_id && registry.get(p.element_id);
    if (shape) {
      canvas.addMarker(shape, MARK);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = p.text;
      button.addEventListener('click', () => {
        modeler.get('selection').select(shape);
        canvas.scrollToElement(shape);
      });
      item.append(button);
    } else {
      item.textContent = p.text;
    }
    list.append(item);
  });
}

async function start(root) {
  const status = root.querySelector('#editor-status');
  const list = root.querySelector('#problems');
  const deployButton = root.querySelector('#deploy');
  const say = (text, kind) => { status.textContent = text; status.dataset.kind = kind || ''; };
  const [options, xml] = await Promise.all([
    fetch(root.dataset.options, { credentials: 'same-origin' }).then((r) => r.json()),
    fetch(root.dataset.src, { credentials: 'same-origin' }).then((r) => r.text()),
  ]);
  const modeler = new Modeler({
    container: root.querySelector('#canvas'),
    propertiesPanel: {
      parent: root.querySelector('#panel'),
      layout: { groups: Object.fromEntries(OPEN_GROUPS.map((id) => [id, { open: true }])) },
    },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
      ecatpersProvider, translate],
    moddleExtensions: { spiffworkflow },
    ecatpers: options,
  });
  window.ecatpersModeler = modeler; // the browser tests read and export the diagram here
  const opened = performance.now();
  await modeler.importXML(xml);
  root.dataset.importMs = String(Math.round(performance.now() - opened));
  const canvas = modeler.get('canvas');
  // Fit the diagram beside the palette, which sits over the canvas's left edge.
  const { inner, outer } = canvas.viewbox();
  const scale = Math.min((outer.width - 130) / inner.width, (outer.height - 20) / inner.height, 1);
  canvas.viewbox({ x: inner.x - 115 / scale, y: inner.y - 10 / scale,
    width: outer.width / scale, height: outer.height / scale });
  let clean = false;
  const changed = () => {
    clean = false;
    deployButton.disabled = true;
    say('Ada perubahan yang belum diperiksa.');
  };
  modeler.on('commandStack.changed', changed);
  document.addEventListener('ecatpers:changed', changed); // a decision table or form was edited
  const tables = () => (window.ecatpersTables ? window.ecatpersTables.draft() : {});
  const forms = () => (window.ecatpersForms ? window.ecatpersForms.draft() : {});

  root.querySelector('#check').addEventListener('click', async () => {
    say('Memeriksa…');
    const { xml: draft } = await modeler.saveXML({ format: true });
    const result = await post(root.dataset.check, root.dataset.csrf,
      { xml: draft, tables: await tables(), forms: forms() });
    listProblems(modeler, list, result.problems || []);
    clean = Boolean(result.ok);
    deployButton.disabled = !clean;
    say(result.message, clean ? 'ok' : 'error');
  });

  deployButton.addEventListener('click', async () => {
    if (!clean) { return; }
    const comment = root.querySelector('#komentar').value.trim();
    const { xml: draft } = await modeler.saveXML({ format: true });
    deployButton.disabled = true;
    say('Memasang…');
    const result = await post(root.dataset.deploy, root.dataset.csrf,
      { xml: draft, tables: await tables(), forms: forms(), komentar: comment });
    if (result.ok && result.redirect) {
      window.location.assign(result.redirect);
      return;
    }
    listProblems(modeler, list, result.problems || []);
    deployButton.disabled = (result.problems || []).length > 0;
    say(result.message, 'error');
  });
  root.dataset.ready = 'true';
  say('Diagram dibuka. Ubah lalu pilih "Simpan dan periksa".');
}

const root = document.getElementById('editor');
if (root) {
  start(root).catch((err) => {
    root.querySelector('#editor-status').textContent = `Editor tidak dapat dibuka: ${err.message}`;
  });
}
