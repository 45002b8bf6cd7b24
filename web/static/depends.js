// A pick list that follows other fields (pasal follows jenis pelanggaran and personel):
// choices that do not fit the values chosen there are hidden. The server checks the pair
// again on submission; this only spares the user a choice that would be refused.
function fits(have, wanted) {
  if (have === null || have === undefined || wanted === '') { return true; }
  return Array.isArray(have) ? have.includes(wanted) : have === wanted;
}

function valueOf(form, name) {
  const checked = form.querySelector('[name="' + name + '"]:checked');
  const field = checked || form.querySelector('[name="' + name + '"]');
  return field ? field.value : '';
}

document.querySelectorAll('select[data-depends]').forEach((select) => {
  const follows = JSON.parse(select.dataset.depends);
  const form = select.form;
  const narrow = () => {
    Array.from(select.options).forEach((option) => {
      if (!option.value) { return; }
      const attrs = JSON.parse(option.dataset.attrs || '{}');
      const ok = Object.entries(follows).every(([attr, name]) => fits(attrs[attr], valueOf(form, name)));
      option.hidden = !ok;
      option.disabled = !ok;
    });
    if (select.selectedOptions.length && select.selectedOptions[0].disabled) { select.value = ''; }
  };
  new Set(Object.values(follows)).forEach((name) => {
    form.querySelectorAll('[name="' + name + '"]').forEach((el) => el.addEventListener('change', narrow));
  });
  narrow();
});
