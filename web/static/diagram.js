// Shows an instance's diagram with bpmn-js: done tasks green, waiting tasks amber.
(function () {
  const el = document.getElementById('diagram');
  if (!el || !window.BpmnJS) { return; }
  const viewer = new window.BpmnJS({ container: el });
  fetch(el.dataset.src, { credentials: 'same-origin' })
    .then((r) => r.text())
    .then((xml) => viewer.importXML(xml))
    .then(() => {
      const canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      const mark = (ids, cls) => ids.split(' ').filter(Boolean).forEach((id) => {
        try { canvas.addMarker(id, cls); } catch (e) { /* element not in this version */ }
      });
      mark(el.dataset.done, 'done');
      mark(el.dataset.open, 'waiting');
      el.dataset.ready = 'true';
    })
    .catch((err) => { el.textContent = 'Diagram tidak dapat ditampilkan: ' + err.message; });
}());
