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
      const registry = viewer.get('elementRegistry');
      // A task of a called diagram (the shared approval chain) is not drawn here: its
      // call activity stands for it, waiting while any of its tasks waits.
      const calls = registry.filter((e) => e.type === 'bpmn:CallActivity').map((e) => e.id);
      const mark = (ids, cls) => {
        let inCall = false;
        ids.split(' ').filter(Boolean).forEach((id) => {
          if (registry.get(id)) { canvas.addMarker(id, cls); } else { inCall = true; }
        });
        return inCall;
      };
      const doneInCall = mark(el.dataset.done, 'done');
      const openInCall = mark(el.dataset.open, 'waiting');
      if (openInCall) {
        calls.forEach((id) => canvas.addMarker(id, 'waiting'));
      } else if (doneInCall) {
        calls.forEach((id) => canvas.addMarker(id, 'done'));
      }
      el.dataset.ready = 'true';
    })
    .catch((err) => { el.textContent = 'Diagram tidak dapat ditampilkan: ' + err.message; });
}());
