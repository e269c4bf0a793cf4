'use strict';
// The subscribers page: pages of the list by cursor (the server scans by prefix, never the whole list), add one or a
// range, import a file (streamed), change slices and DNNs, delete. Errors are the provisioning API's own problems.
(() => {
  const { api, el, fill, show, confirmAction, slicesText, parseSlices } = Console;
  const $ = id => document.getElementById(id);
  // the cursors of the pages before the current one, and the current one's
  let cursors = [];
  let current = null;
  let next = null;

  async function loadPage(after) {
    const prefix = $('prefix').value.trim();
    const params = new URLSearchParams({ prefix, limit: $('pageSize').value });
    if (after) {
      params.set('after', after);
    }
    show($('listError'), '');
    const started = performance.now();
    try {
      const page = await api('GET', 'provisioning/subscribers?' + params);
      $('listTime').textContent = page.count + ' shown, ' + Math.round(performance.now() - started) + ' ms';
      current = after;
      next = page.next || null;
      fill($('subscribers'), page.subscribers.map(row), 6, prefix ? 'No subscriber starts with ' + prefix + '.' : 'No subscriber.');
      $('prev').disabled = cursors.length === 0;
      $('next').disabled = !next;
      $('pageInfo').textContent = 'page ' + (cursors.length + 1);
    } catch (e) {
      show($('listError'), e.message, true);
    }
  }

  function row(s) {
    const imsi = 'imsi-' + s.imsi;
    return el('tr', { dataset: { imsi: s.imsi } },
      el('td', { class: 'mono' }, s.imsi),
      el('td', {}, s.msisdn || ''),
      el('td', {}, (s.slices || []).map(sl => el('span', { class: 'tag' }, (sl.defaultSlice ? '*' : '') + sl.sst + (sl.sd ? '-' + sl.sd : '') + ': ' + sl.dnns.join(', ')))),
      el('td', { class: 'muted' }, s.k ? 'set' : 'none'),
      el('td', { class: 'mono' }, s.amf || ''),
      el('td', {},
        el('button', { type: 'button', class: 'secondary edit', on: { click: () => edit(s) } }, 'Edit slices'), ' ',
        el('button', { type: 'button', class: 'danger delete', on: { click: () => remove(imsi) } }, 'Delete')));
  }

  async function remove(imsi) {
    if (!await confirmAction('Delete ' + imsi + '?', 'The subscriber and its keys are removed from the UDR; a UE with this SIM can no longer register.', 'Delete')) {
      return;
    }
    try {
      await api('DELETE', 'provisioning/subscribers/' + encodeURIComponent(imsi));
      await loadPage(current);
    } catch (e) {
      show($('listError'), e.message, true);
    }
  }

  function edit(s) {
    const dialog = $('editDialog');
    $('editImsi').textContent = 'imsi-' + s.imsi;
    $('editSlices').value = slicesText(s.slices).join('\n');
    show($('editError'), '');
    const save = async () => {
      try {
        const slices = parseSlices($('editSlices').value);
        await api('PUT', 'provisioning/subscribers/imsi-' + s.imsi + '/slices', JSON.stringify({ slices }), 'application/json');
        dialog.close();
        await loadPage(current);
      } catch (e) {
        show($('editError'), e.message, true);
      }
    };
    $('editSave').onclick = save;
    dialog.querySelector('.cancel').onclick = () => dialog.close();
    dialog.showModal();
  }

  async function add(event) {
    event.preventDefault();
    try {
      const body = { imsi: $('addImsi').value.trim(), k: $('addK').value.trim(), slices: parseSlices($('addSlices').value) };
      body[$('addOpKind').value] = $('addOp').value.trim();
      const count = Number($('addCount').value || 1);
      if (count > 1) {
        body.count = count;
      }
      if ($('addMsisdn').value.trim()) {
        body.msisdn = $('addMsisdn').value.trim();
      }
      const query = $('addReplace').checked ? '?replace=true' : '';
      const o = await api('POST', 'provisioning/subscribers' + query, JSON.stringify(body), 'application/json');
      show($('addResult'), o.created + ' created, ' + o.replaced + ' replaced, ' + o.skipped + ' already there: '
        + o.first + (o.first !== o.last ? '..' + o.last : ''), false);
      $('addK').value = '';
      $('addOp').value = '';
      await loadPage(current);
    } catch (e) {
      show($('addResult'), e.message, true);
    }
  }

  async function importFile(event) {
    event.preventDefault();
    const file = $('importFile').files[0];
    if (!file) {
      return;
    }
    const name = file.name.toLowerCase();
    const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') ? 'application/json' : 'application/yaml';
    $('importButton').disabled = true;
    try {
      const query = $('importReplace').checked ? '?replace=true' : '';
      const o = await api('POST', 'provisioning/subscribers/import' + query, file, type);
      show($('importResult'), o.created + ' created, ' + o.replaced + ' replaced, ' + o.skipped + ' already there'
        + (o.first ? ': ' + o.first + '..' + o.last : ''), false);
      await loadPage(current);
    } catch (e) {
      show($('importResult'), e.message, true);
    } finally {
      $('importButton').disabled = false;
    }
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await Console.load();
    if (!Console.has('provisioning')) {
      $('unavailable').hidden = false;
      for (const id of ['list', 'add', 'import']) {
        $(id).hidden = true;
      }
      return;
    }
    const remote = Console.remote('provisioning');
    if (remote) {
      $('remoteSource').textContent = 'Subscribers of the UDR at ' + remote + ' (liquid5gc.console.subscribers-url).';
      $('remoteSource').hidden = false;
    }
    $('search').addEventListener('submit', e => {
      e.preventDefault();
      cursors = [];
      loadPage(null);
    });
    $('next').addEventListener('click', () => {
      cursors.push(current);
      loadPage(next);
    });
    $('prev').addEventListener('click', () => loadPage(cursors.pop() || null));
    $('addForm').addEventListener('submit', add);
    $('importForm').addEventListener('submit', importFile);
    await loadPage(null);
  });
})();
