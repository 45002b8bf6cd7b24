// Reading and writing the spiffworkflow extension elements our diagrams carry: the user
// task's properties, the service task's operator and parameters, the called decision.
// Every change goes through the command stack, so it can be undone like any other edit.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

export const FORM = 'formJsonSchemaFilename';

export function extensionOf(element, type) {
  const ext = getBusinessObject(element).get('extensionElements');
  return ext ? (ext.get('values') || []).find((v) => is(v, type)) : undefined;
}

function update(element, moddleElement, properties) {
  return { cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } };
}

function run(commandStack, commands) {
  if (commands.length) {
    commandStack.execute('properties-panel.multi-command-executor', commands);
  }
}

// The extension element of that type, created (as commands) when the element has none.
function ensure(element, type, bpmnFactory, commands) {
  const bo = getBusinessObject(element);
  let ext = bo.get('extensionElements');
  if (!ext) {
    ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    ext.$parent = bo;
    commands.push(update(element, bo, { extensionElements: ext }));
  }
  let found = (ext.get('values') || []).find((v) => is(v, type));
  if (!found) {
    found = bpmnFactory.create(type);
    found.$parent = ext;
    commands.push(update(element, ext, { values: [...(ext.get('values') || []), found] }));
  }
  return found;
}

export function propertyValue(element, name) {
  const props = extensionOf(element, 'spiffworkflow:Properties');
  const found = props && (props.get('properties') || []).find((p) => p.name === name);
  return found ? found.value || '' : '';
}

// Sets a spiffworkflow:property; an empty value removes it.
export function setProperty(element, name, value, { bpmnFactory, commandStack }) {
  const commands = [];
  const existing = extensionOf(element, 'spiffworkflow:Properties');
  if (!value && !existing) { return; }
  const props = existing || ensure(element, 'spiffworkflow:Properties', bpmnFactory, commands);
  const list = props.get('properties') || [];
  const found = list.find((p) => p.name === name);
  if (found && value) {
    commands.push(update(element, found, { value }));
  } else if (found) {
    commands.push(update(element, props, { properties: list.filter((p) => p !== found) }));
  } else if (value) {
    const added = bpmnFactory.create('spiffworkflow:Property', { name, value });
    added.$parent = props;
    commands.push(update(element, props, { properties: [...list, added] }));
  }
  run(commandStack, commands);
}

export function operatorOf(element) {
  return extensionOf(element, 'spiffworkflow:ServiceTaskOperator');
}

export function parametersOf(element) {
  const op = operatorOf(element);
  const list = op && op.get('parameterList');
  return list ? list.get('parameters') || [] : [];
}

// Names the registered function and adds an (empty) parameter for each one it takes
// that the task does not give yet; parameters already given are kept.
export function setOperator(element, name, wanted, { bpmnFactory, commandStack }) {
  const commands = [];
  const op = ensure(element, 'spiffworkflow:ServiceTaskOperator', bpmnFactory, commands);
  commands.push(update(element, op, { id: name || undefined }));
  let list = op.get('parameterList');
  if (!list) {
    list = bpmnFactory.create('spiffworkflow:Parameters', { parameters: [] });
    list.$parent = op;
    commands.push(update(element, op, { parameterList: list }));
  }
  const have = (list.get('parameters') || []).map((p) => p.id);
  const added = (wanted || []).filter((p) => !have.includes(p)).map((id) => {
    const param = bpmnFactory.create('spiffworkflow:Parameter', { id, type: 'str', value: '' });
    param.$parent = list;
    return param;
  });
  if (added.length) {
    commands.push(update(element, list, { parameters: [...(list.get('parameters') || []), ...added] }));
  }
  run(commandStack, commands);
}

export function setParameter(element, param, value, { commandStack }) {
  run(commandStack, [update(element, param, { value })]);
}

export function decisionOf(element) {
  const called = extensionOf(element, 'spiffworkflow:CalledDecisionId');
  return called ? (called.value || '').trim() : '';
}

export function setDecision(element, value, { bpmnFactory, commandStack }) {
  const commands = [];
  const called = ensure(element, 'spiffworkflow:CalledDecisionId', bpmnFactory, commands);
  commands.push(update(element, called, { value }));
  run(commandStack, commands);
}
