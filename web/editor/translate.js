// The modeler's own words in Bahasa Indonesia (palette, context pad, the standard panel
// groups); a phrase not listed stays as bpmn-js writes it.
const WORDS = {
  'Activate create/remove space tool': 'Alat tambah/kurangi ruang',
  'Activate global connect tool': 'Alat sambung',
  'Activate hand tool': 'Alat geser kanvas',
  'Activate lasso tool': 'Alat pilih (laso)',
  'Add lane above': 'Tambah lajur di atas',
  'Add lane below': 'Tambah lajur di bawah',
  'Add text annotation': 'Tambah catatan teks',
  'Append end event': 'Sambung peristiwa akhir',
  'Append gateway': 'Sambung gerbang',
  'Append intermediate/boundary event': 'Sambung peristiwa antara',
  'Append task': 'Sambung tugas',
  'Append timer intermediate catch event': 'Sambung penunggu waktu',
  'Change element': 'Ganti jenis elemen',
  'Connect to other element': 'Sambung ke elemen lain',
  'Create end event': 'Buat peristiwa akhir',
  'Create gateway': 'Buat gerbang',
  'Create intermediate/boundary event': 'Buat peristiwa antara',
  'Create pool/participant': 'Buat kolam (pool)',
  'Create start event': 'Buat peristiwa awal',
  'Create task': 'Buat tugas',
  'Create group': 'Buat kelompok',
  'Create data object reference': 'Buat objek data',
  'Create data store reference': 'Buat penyimpanan data',
  'Create expanded sub-process': 'Buat subproses',
  'Delete': 'Hapus',
  'Divide into two lanes': 'Bagi menjadi dua lajur',
  'Divide into three lanes': 'Bagi menjadi tiga lajur',
  'General': 'Umum',
  'Name': 'Nama',
  'Documentation': 'Dokumentasi',
  'Element documentation': 'Dokumentasi elemen',
  'Process documentation': 'Dokumentasi proses',
  'Timer': 'Pewaktu',
  'Type': 'Jenis',
  'Value': 'Nilai',
  'Date': 'Tanggal',
  'Duration': 'Durasi',
  'Cycle': 'Siklus',
  '<none>': '<tidak ada>',
  'Executable': 'Dapat dijalankan',
  'Process ID': 'ID proses',
  'Process name': 'Nama proses',
  'ID must be unique.': 'ID harus unik.',
  'ID must not be empty.': 'ID tidak boleh kosong.',
  'ID must not contain spaces.': 'ID tidak boleh berisi spasi.',
  'No properties panel': 'Tidak ada panel properti',
  'Select an element to edit its properties.': 'Pilih elemen untuk mengubah propertinya.',
  'Multiple elements are selected.': 'Beberapa elemen terpilih.',
  'Select a single element to edit its properties.': 'Pilih satu elemen untuk mengubah propertinya.',
};

function translate(template, replacements) {
  const text = WORDS[template] || template;
  return text.replace(/{([^}]+)}/g, (_, key) => (replacements && key in replacements
    ? replacements[key] : `{${key}}`));
}

export default { translate: ['value', translate] };
