// Lays out a BPMN diagram that has no DI: bpmn-auto-layout places the flow of the process;
// then our own step, for a process with lanes, draws a pool with one band per lane (in the
// order the laneSet lists them) and moves each element into its lane's band, keeping the
// column bpmn-auto-layout gave it and its place inside the band. Flows are redrawn as
// right-angled lines between the moved shapes. Reads the XML on stdin, writes it on stdout.
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';

const POOL_HEADER = 30; // the pool's name, written vertically at its left
const LANE_HEADER = 30; // each lane's name, likewise
const PAD = 30; // space above and below the elements of a band
const MIN_BAND = 120;

async function read() {
  const chunks = [];
  for await (const chunk of process.stdin) { chunks.push(chunk); }
  return Buffer.concat(chunks).toString('utf8');
}

function laneOf(lanes) {
  const found = new Map();
  lanes.forEach((lane, index) => (lane.flowNodeRef || []).forEach((node) => found.set(node.id, index)));
  return found;
}

function bands(shapes, lanes, lane) {
  // Per band: the top the elements had, and how tall the band must be to hold them.
  const result = lanes.map(() => ({ minY: Infinity, maxY: -Infinity }));
  result.push({ minY: Infinity, maxY: -Infinity }); // elements in no lane
  shapes.forEach((shape) => {
    const band = result[lane.get(shape.bpmnElement.id) ?? lanes.length];
    band.minY = Math.min(band.minY, shape.bounds.y);
    band.maxY = Math.max(band.maxY, shape.bounds.y + shape.bounds.height);
  });
  let top = 0;
  return result.map((band) => {
    const height = band.minY === Infinity ? MIN_BAND : Math.max(MIN_BAND, band.maxY - band.minY + 2 * PAD);
    const placed = { ...band, top, height };
    top += height;
    return placed;
  });
}

function middle(b, side) {
  return side === 'right' ? { x: b.x + b.width, y: b.y + b.height / 2 } : { x: b.x, y: b.y + b.height / 2 };
}

function route(moddle, edge, byId) {
  const source = byId.get(edge.bpmnElement.sourceRef?.id);
  const target = byId.get(edge.bpmnElement.targetRef?.id);
  if (!source || !target) { return; }
  const a = middle(source.bounds, 'right');
  const b = middle(target.bounds, 'left');
  const points = a.y === b.y ? [a, b] : [a, { x: (a.x + b.x) / 2, y: a.y }, { x: (a.x + b.x) / 2, y: b.y }, b];
  edge.waypoint = points.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }));
  delete edge.label;
}

function lanesStep(moddle, definitions) {
  const processElement = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
  const lanes = processElement?.laneSets?.[0]?.lanes || [];
  if (!lanes.length) { return; }
  const plane = definitions.diagrams[0].plane;
  const shapes = plane.planeElement.filter((e) => e.$type === 'bpmndi:BPMNShape');
  const edges = plane.planeElement.filter((e) => e.$type === 'bpmndi:BPMNEdge');
  const lane = laneOf(lanes);
  const placed = bands(shapes, lanes, lane);
  const left = POOL_HEADER + LANE_HEADER;
  let right = 0;
  shapes.forEach((shape) => {
    const band = placed[lane.get(shape.bpmnElement.id) ?? lanes.length];
    shape.bounds.y = Math.round(band.top + PAD + (shape.bounds.y - band.minY));
    shape.bounds.x = Math.round(shape.bounds.x + left);
    right = Math.max(right, shape.bounds.x + shape.bounds.width);
    delete shape.label;
  });
  const byId = new Map(shapes.map((s) => [s.bpmnElement.id, s]));
  edges.forEach((edge) => route(moddle, edge, byId));
  const width = right + PAD * 2;
  const used = placed.filter((band, i) => i < lanes.length || band.minY !== Infinity);
  const height = used.reduce((sum, band) => sum + band.height, 0);
  let collaboration = definitions.rootElements.find((e) => e.$type === 'bpmn:Collaboration');
  let participant = collaboration?.participants?.find((p) => p.processRef === processElement);
  if (!participant) {
    participant = moddle.create('bpmn:Participant', {
      id: `Participant_${processElement.id}`, name: processElement.name, processRef: processElement });
    collaboration = collaboration || moddle.create('bpmn:Collaboration', { id: `Collaboration_${processElement.id}` });
    collaboration.participants = [...(collaboration.participants || []), participant];
    if (!definitions.rootElements.includes(collaboration)) { definitions.rootElements.unshift(collaboration); }
  }
  plane.bpmnElement = collaboration;
  const bounds = (x, y, w, h) => moddle.create('dc:Bounds', { x, y, width: w, height: h });
  const pool = moddle.create('bpmndi:BPMNShape', {
    id: `${participant.id}_di`, bpmnElement: participant, isHorizontal: true,
    bounds: bounds(0, 0, width, height) });
  const laneShapes = lanes.map((l, i) => moddle.create('bpmndi:BPMNShape', {
    id: `${l.id}_di`, bpmnElement: l, isHorizontal: true,
    bounds: bounds(POOL_HEADER, placed[i].top, width - POOL_HEADER, placed[i].height) }));
  plane.planeElement = [pool, ...laneShapes, ...shapes, ...edges];
}

const moddle = new BpmnModdle();
const laidOut = await layoutProcess(await read());
const { rootElement } = await moddle.fromXML(laidOut);
lanesStep(moddle, rootElement);
const { xml } = await moddle.toXML(rootElement, { format: true });
process.stdout.write(xml);
