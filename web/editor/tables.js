// The decision tables of the version being edited, in dmn-js on the same page. The cells
// are Python expressions run in our sandbox, not FEEL; the server compiles every cell when
// the diagram is checked. Only tables changed here are sent with the diagram.
import DmnModeler from 'dmn-js/lib/Modeler';

async function start(section) {
  const choice = section.querySelector('#table-choice');
  const modeler = new DmnModeler({ container: section.querySelector('#table-canvas') });
  const edited = {};
  const changed = new Set();
  let current = null;

  async function keep() {
    if (current && changed.has(current)) {
      edited[current] = (await modeler.saveXML({ format: true })).xml;
    }
  }

  async function open(name) {
    await keep();
    const url = section.dataset.src.replace('__name__', encodeURIComponent(name));
    const xml = edited[name] || await fetch(url, { credentials: 'same-origin' }).then((r) => r.text());
    await modeler.importXML(xml);
    const table = modeler.getViews().find((v) => v.type === 'decisionTable');
    if (table) { await modeler.open(table); }
    current = name;
    modeler.getActiveViewer().get('eventBus').on('elements.changed', () => {
      changed.add(name);
      document.dispatchEvent(new CustomEvent('ecatpers:changed'));
    });
    section.dataset.open = name;
  }

  window.ecatpersTables = {
    modeler,
    // The tables changed here, name → DMN XML, for checking and deploying with the diagram.
    async draft() { await keep(); return Object.fromEntries([...changed].map((n) => [n, edited[n]])); },
  };
  choice.addEventListener('change', () => open(choice.value));
  await open(choice.value);
  section.dataset.ready = 'true';
}

const section = document.getElementById('tables');
if (section) {
  start(section).catch((err) => {
    section.querySelector('#table-status').textContent = `Tabel tidak dapat dibuka: ${err.message}`;
  });
}
