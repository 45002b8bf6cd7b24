// Our properties-panel provider: what a process owner edits without XML — a lane's role,
// a user task's form, step target and owner, a flow's condition, a service task's
// registered function and its parameters, a business-rule task's decision table, a script
// task's script.
// The pick lists come from the server (config.ecatpers, read from /admin/katalog/pilihan).
import { h } from '@bpmn-io/properties-panel/preact';
import {
  Group, SelectEntry, TextFieldEntry, TextAreaEntry,
  isSelectEntryEdited, isTextFieldEntryEdited, isTextAreaEntryEdited,
} from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import {
  FORM, decisionOf, operatorOf, parametersOf, propertyValue,
  setDecision, setOperator, setParameter, setProperty,
} from './extensions';

function withCurrent(options, current, unknown) {
  if (current && !options.some((o) => o.value === current)) {
    return [...options, { value: current, label: `${current} (${unknown})` }];
  }
  return options;
}

function services() {
  return {
    bpmnFactory: useService('bpmnFactory'),
    commandStack: useService('commandStack'),
    modeling: useService('modeling'),
    debounce: useService('debounceInput'),
  };
}

function LaneRole({ element, id, options }) {
  const { modeling } = services();
  const current = getBusinessObject(element).name || '';
  const choices = [{ value: '', label: '(pilih peran)' },
    ...options.roles.map((r) => ({ value: r.lane, label: r.title }))];
  return h(SelectEntry, {
    element, id, label: 'Peran lajur',
    description: 'Tugas pengguna di lajur ini masuk ke kotak tugas peran tersebut.',
    getValue: () => current,
    setValue: (value) => modeling.updateProperties(element, { name: value || undefined }),
    getOptions: () => withCurrent(choices, current, 'bukan peran yang dikenal'),
  });
}

function FormChoice({ element, id, options }) {
  const tools = services();
  const current = propertyValue(element, FORM);
  const choices = [{ value: '', label: '(tanpa formulir)' },
    ...options.forms.map((f) => ({ value: f.file, label: `${f.title} — ${f.file}` }))];
  return h(SelectEntry, {
    element, id, label: 'Formulir',
    getValue: () => current,
    setValue: (value) => setProperty(element, FORM, value, tools),
    getOptions: () => withCurrent(choices, current, 'tidak ada'),
  });
}

function DueHours({ element, id }) {
  const tools = services();
  return h(TextFieldEntry, {
    element, id, label: 'Batas waktu langkah (jam)', debounce: tools.debounce,
    description: 'Lewat batas ini tugas ditandai Terlambat di kotak tugas.',
    getValue: () => propertyValue(element, 'due_hours'),
    setValue: (value) => setProperty(element, 'due_hours', (value || '').trim(), tools),
    validate: (value) => (value && !/^\d+$/.test(value.trim()) ? 'Isi jumlah jam (angka).' : null),
  });
}

function Owner({ element, id }) {
  const tools = services();
  return h(SelectEntry, {
    element, id, label: 'Dikerjakan oleh',
    getValue: () => propertyValue(element, 'owner'),
    setValue: (value) => setProperty(element, 'owner', value, tools),
    getOptions: () => [{ value: '', label: 'Pemegang peran lajur' },
      { value: 'starter', label: 'Pengaju (yang memulai proses)' }],
  });
}

function Condition({ element, id }) {
  const { bpmnFactory, commandStack, modeling, debounce } = services();
  const cond = getBusinessObject(element).get('conditionExpression');
  const setValue = (value) => {
    const text = (value || '').trim();
    if (!text) {
      modeling.updateProperties(element, { conditionExpression: undefined });
    } else if (cond) {
      commandStack.execute('element.updateModdleProperties',
        { element, moddleElement: cond, properties: { body: text } });
    } else {
      const expr = bpmnFactory.create('bpmn:FormalExpression', { body: text });
      modeling.updateProperties(element, { conditionExpression: expr });
    }
  };
  return h(TextAreaEntry, {
    element, id, label: 'Syarat alur (ekspresi Python)', debounce,
    description: 'Contoh: keputusan == "SETUJU". Kosongkan bila alur ini tanpa syarat.',
    getValue: () => (cond ? cond.get('body') || '' : ''), setValue,
  });
}

function Operator({ element, id, options }) {
  const tools = services();
  const op = operatorOf(element);
  const current = op ? op.id || '' : '';
  const choices = [{ value: '', label: '(pilih fungsi)' },
    ...options.services.map((s) => ({ value: s.name, label: s.label }))];
  const wanted = (name) => (options.services.find((s) => s.name === name) || {}).parameters;
  return h(SelectEntry, {
    element, id, label: 'Fungsi layanan terdaftar',
    getValue: () => current,
    setValue: (value) => setOperator(element, value, wanted(value), tools),
    getOptions: () => withCurrent(choices, current, 'tidak terdaftar'),
  });
}

function Parameter({ element, id, param }) {
  const tools = services();
  return h(TextFieldEntry, {
    element, id, label: `Parameter ${param.id} (ekspresi Python)`, debounce: tools.debounce,
    getValue: () => param.value || '',
    setValue: (value) => setParameter(element, param, value || '', tools),
  });
}

function Decision({ element, id, options }) {
  const tools = services();
  const current = decisionOf(element);
  const choices = [{ value: '', label: '(pilih tabel keputusan)' },
    ...options.decisions.map((d) => ({ value: d.id, label: d.label }))];
  return h(SelectEntry, {
    element, id, label: 'Tabel keputusan',
    getValue: () => current,
    setValue: (value) => setDecision(element, value, tools),
    getOptions: () => withCurrent(choices, current, 'tidak ada'),
  });
}

function Script({ element, id }) {
  const { modeling, debounce } = services();
  return h(TextAreaEntry, {
    element, id, label: 'Skrip (Python terbatas)', debounce, monospace: true, rows: 6,
    description: 'Menetapkan data proses, mis. status_baru = "SELESAI". Diperiksa saat disimpan: '
      + 'tanpa import, open atau atribut berawalan garis bawah ganda.',
    getValue: () => getBusinessObject(element).get('script') || '',
    setValue: (value) => modeling.updateProperties(element, { script: value || undefined }),
  });
}

function fromGateway(element) {
  const source = getBusinessObject(element).sourceRef;
  return source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'));
}

function group(id, label, entries) {
  return { id, label, component: Group, entries };
}

function ecatpersGroups(element, options) {
  const bo = getBusinessObject(element);
  const entry = (eid, component, isEdited, extra = {}) => (
    { id: eid, component, isEdited, options, ...extra });
  if (is(element, 'bpmn:Lane')) {
    return [group('ecatpers-lane', 'Peran', [entry('laneRole', LaneRole, isSelectEntryEdited)])];
  }
  if (is(element, 'bpmn:UserTask')) {
    return [group('ecatpers-user-task', 'Tugas pengguna', [
      entry('form', FormChoice, isSelectEntryEdited),
      entry('dueHours', DueHours, isTextFieldEntryEdited),
      entry('owner', Owner, isSelectEntryEdited),
    ])];
  }
  if (is(element, 'bpmn:SequenceFlow') && (fromGateway(element) || bo.conditionExpression)) {
    return [group('ecatpers-condition', 'Syarat', [entry('condition', Condition, isTextAreaEntryEdited)])];
  }
  if (is(element, 'bpmn:ServiceTask')) {
    const params = parametersOf(element).map((param, i) => entry(
      `parameter-${i}`, Parameter, isTextFieldEntryEdited, { param }));
    return [group('ecatpers-service', 'Layanan',
      [entry('operator', Operator, isSelectEntryEdited), ...params])];
  }
  if (is(element, 'bpmn:ScriptTask')) {
    return [group('ecatpers-script', 'Skrip', [entry('script', Script, isTextAreaEntryEdited)])];
  }
  if (is(element, 'bpmn:BusinessRuleTask')) {
    return [group('ecatpers-decision', 'Keputusan', [entry('decision', Decision, isSelectEntryEdited)])];
  }
  return [];
}

function EcatpersPropertiesProvider(propertiesPanel, injector) {
  const options = injector.get('config.ecatpers', false) || {};
  const lists = { roles: [], forms: [], services: [], decisions: [], ...options };
  this.getGroups = (element) => (groups) => {
    const ours = ecatpersGroups(element, lists);
    groups.splice(Math.min(1, groups.length), 0, ...ours);
    return groups;
  };
  propertiesPanel.registerProvider(400, this);
}

// The groups a process owner works in are open when an element is chosen.
export const OPEN_GROUPS = ['general', 'ecatpers-lane', 'ecatpers-user-task',
  'ecatpers-condition', 'ecatpers-service', 'ecatpers-decision', 'ecatpers-script', 'timer'];

EcatpersPropertiesProvider.$inject = ['propertiesPanel', 'injector'];

export default {
  __init__: ['ecatpersPropertiesProvider'],
  ecatpersPropertiesProvider: ['type', EcatpersPropertiesProvider],
};
