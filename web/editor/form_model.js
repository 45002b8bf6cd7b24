// Changes to one user-task form in our own format (JSON Schema in `schema`, UI hints in
// `ui`): what the form editor's buttons do. Each function changes the form in place and
// keeps its parts agreeing: a field is in `schema.properties`, once in `ui.order`, in
// `schema.required` when required, with its hints in `ui.fields`.

export const FIXED = '__enum__'; // the field's choices are written in the form (an enum)

function parts(form) {
  form.schema.properties = form.schema.properties || {};
  form.ui = form.ui || {};
  form.ui.fields = form.ui.fields || {};
  form.ui.order = form.ui.order || Object.keys(form.schema.properties);
  return { props: form.schema.properties, hints: form.ui.fields, order: form.ui.order };
}

export function fields(form) {
  const { props, hints, order } = parts(form);
  const required = new Set(form.schema.required || []);
  return order.map((name) => ({
    name,
    title: (props[name] || {}).title || '',
    required: required.has(name),
    widget: (hints[name] || {}).widget || ((props[name] || {}).enum ? 'select' : 'text'),
    source: (hints[name] || {}).options || ((props[name] || {}).enum ? FIXED : ''),
    section: (hints[name] || {}).section || '',
  }));
}

export function sections(form) {
  return [...new Set(fields(form).map((f) => f.section))];
}

export function setLabel(form, name, title) {
  parts(form).props[name].title = title;
}

export function setRequired(form, name, on) {
  const required = (form.schema.required || []).filter((n) => n !== name);
  if (on) { required.push(name); }
  form.schema.required = required;
}

// A pick list from the reference lists replaces choices written in the form; no list makes
// the field a text field again.
export function setSource(form, name, source) {
  const { props, hints } = parts(form);
  const hint = hints[name] || (hints[name] = {});
  if (source === FIXED) { return; }
  delete props[name].enum;
  delete hint.labels;
  if (!source) {
    delete hint.options;
    if (hint.widget === 'select' || hint.widget === 'radio') { hint.widget = 'text'; }
    return;
  }
  hint.options = source;
  if (hint.widget !== 'radio') { hint.widget = 'select'; }
}

export function move(form, name, step) {
  const { order } = parts(form);
  const from = order.indexOf(name);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) { return; }
  [order[from], order[to]] = [order[to], order[from]];
}

export function remove(form, name) {
  const { props, hints, order } = parts(form);
  delete props[name];
  delete hints[name];
  form.ui.order = order.filter((n) => n !== name);
  setRequired(form, name, false);
}

// Adds a field at the end of its section (the preview groups fields by section).
export function add(form, { name, title, widget, section }) {
  const { props, hints, order } = parts(form);
  props[name] = widget === 'date' ? { type: 'string', title, format: 'date' }
    : { type: 'string', title, maxLength: widget === 'textarea' ? 2000 : 200 };
  hints[name] = { widget };
  if (section) { hints[name].section = section; }
  const same = order.filter((n) => ((hints[n] || {}).section || '') === (section || ''));
  const after = same.length ? order.indexOf(same[same.length - 1]) + 1 : order.length;
  order.splice(after, 0, name);
}
