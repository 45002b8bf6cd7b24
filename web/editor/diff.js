// Two versions of a diagram side by side: bpmn-js-differ compares their models, each
// viewer marks what it holds (added on the new one, removed on the old one, changed on
// both) and the list below names every difference in words, element by element.
import Viewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';

const KINDS = {
  added: { cls: 'diff-added', word: 'Ditambahkan' },
  removed: { cls: 'diff-removed', word: 'Dihapus' },
  changed: { cls: 'diff-changed', word: 'Diubah' },
  layout: { cls: 'diff-layout', word: 'Dipindah letaknya' },
};
const TYPES = {
  'bpmn:UserTask': 'tugas pengguna', 'bpmn:ServiceTask': 'tugas layanan',
  'bpmn:ScriptTask': 'tugas skrip', 'bpmn:BusinessRuleTask': 'tabel keputusan',
  'bpmn:CallActivity': 'pemanggilan proses', 'bpmn:ExclusiveGateway': 'percabangan',
  'bpmn:ParallelGateway': 'percabangan paralel', 'bpmn:SequenceFlow': 'alur',
  'bpmn:StartEvent': 'awal', 'bpmn:EndEvent': 'akhir', 'bpmn:Lane': 'lajur',
  'bpmn:IntermediateCatchEvent': 'peristiwa antara', 'bpmn:BoundaryEvent': 'peristiwa batas',
};
const ATTRS = {
  name: 'nama', targetRef: 'tujuan', sourceRef: 'asal', conditionExpression: 'syarat',
  default: 'alur bawaan', calledElement: 'proses yang dipanggil', extensionElements: 'properti',
  script: 'skrip', flowNodeRef: 'isi lajur', incoming: 'alur masuk', outgoing: 'alur keluar',
};

function load(el) {
  const viewer = new Viewer({ container: el });
  return fetch(el.dataset.src, { credentials: 'same-origin' })
    .then((r) => r.text())
    .then((xml) => viewer.importXML(xml))
    .then(() => { viewer.get('canvas').zoom('fit-viewport'); return viewer; });
}

function mark(viewer, id, cls) {
  if (viewer.get('elementRegistry').get(id)) { viewer.get('canvas').addMarker(id, cls); }
}

function describe(kind, element, attrs) {
  const type = TYPES[element.$type] || element.$type.replace('bpmn:', '');
  const name = element.name ? `\u201c${element.name}\u201d ` : '';
  const what = attrs ? ` (${Object.keys(attrs).map((a) => ATTRS[a] || a).join(', ')})` : '';
  return `${KINDS[kind].word}: ${type} ${name}[${element.id}]${what}`;
}

function show(list, oldViewer, newViewer) {
  const changes = diff(oldViewer.getDefinitions(), newViewer.getDefinitions());
  const rows = [];
  Object.values(changes._added).forEach((e) => { mark(newViewer, e.id, KINDS.added.cls); rows.push(['added', e]); });
  Object.values(changes._removed).forEach((e) => { mark(oldViewer, e.id, KINDS.removed.cls); rows.push(['removed', e]); });
  Object.values(changes._changed).forEach((c) => {
    [oldViewer, newViewer].forEach((v) => mark(v, c.model.id, KINDS.changed.cls));
    rows.push(['changed', c.model, c.attrs]);
  });
  Object.values(changes._layoutChanged).forEach((e) => {
    if (!changes._changed[e.id]) { mark(newViewer, e.id, KINDS.layout.cls); rows.push(['layout', e]); }
  });
  list.replaceChildren(...rows.map(([kind, element, attrs]) => {
    const item = document.createElement('li');
    item.dataset.kind = kind;
    item.dataset.element = element.id;
    item.className = KINDS[kind].cls;
    item.textContent = describe(kind, element, attrs);
    return item;
  }));
  if (!rows.length) {
    const item = document.createElement('li');
    item.textContent = 'Kedua versi sama isinya.';
    list.append(item);
  }
}

(function () {
  const root = document.getElementById('version-diff');
  if (!root) { return; }
  const list = document.getElementById('diff-list');
  Promise.all([load(document.getElementById('diff-old')), load(document.getElementById('diff-new'))])
    .then(([oldViewer, newViewer]) => { show(list, oldViewer, newViewer); root.dataset.ready = 'true'; })
    .catch((err) => { list.textContent = `Diagram tidak dapat dibandingkan: ${err.message}`; });
}());
