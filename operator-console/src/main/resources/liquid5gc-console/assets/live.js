'use strict';
// The live view: gNBs, UEs, recent procedures and placement, refreshed every 2 s; the network's procedures on a UE
// (de-registration, re-authentication) after a confirmation, through the proxy's operator endpoints.
(() => {
  const { api, el, fill, show, confirmAction } = Console;
  const $ = id => document.getElementById(id);
  let timer = null;

  const slice = s => s.sst + (s.sd ? '-' + s.sd : '');
  const time = iso => new Date(iso).toLocaleTimeString();

  async function refreshN2() {
    try {
      const { ranNodes } = await api('GET', 'proxy/ran-nodes');
      fill($('gnbs'), ranNodes.map(n => el('tr', { dataset: { gnb: n.id } },
        el('td', {}, n.name || '(no name)', el('div', { class: 'muted mono' }, n.id)),
        el('td', { class: 'mono' }, n.kind + ' ' + (n.plmn || '') + ' ' + (n.nodeId || '')),
        el('td', {}, n.supportedTas.map(t => el('div', {}, 'TAC ' + t.tac + ': ',
          t.broadcastPlmns.map(b => el('span', { class: 'tag' }, b.plmn + ' [' + b.slices.map(slice).join(', ') + ']'))))),
        el('td', { class: 'mono' }, n.association),
        el('td', {}, time(n.setUpAt)))), 5, 'No gNB has set up.');
      show($('gnbError'), '');
    } catch (e) {
      show($('gnbError'), e.message, true);
      fill($('gnbs'), [], 5, 'Not available.'); // no stale rows under an error
    }
    try {
      const { ues } = await api('GET', 'proxy/ues');
      fill($('ues'), ues.map(ueRow), 7, 'No UE context.');
      show($('ueError'), '');
    } catch (e) {
      show($('ueError'), e.message, true);
      fill($('ues'), [], 7, 'Not available.');
    }
    try {
      const { procedures } = await api('GET', 'proxy/procedures');
      fill($('procedures'), procedures.map(p => el('tr', {},
        el('td', {}, time(p.at)), el('td', {}, p.procedure), el('td', { class: 'mono' }, p.ue || ''),
        el('td', { class: 'outcome-' + p.outcome }, p.outcome.toLowerCase().replace('_', ' ')),
        el('td', {}, p.latencyMs == null ? '' : p.latencyMs.toFixed(1) + ' ms'))), 5, 'Nothing yet.');
    } catch (e) {
      fill($('procedures'), [], 5, 'Not available.'); // the reason is shown with the UEs
    }
  }

  function ueRow(u) {
    const sessions = u.pduSessions.map(s => el('div', { class: 'session', dataset: { pduSessionId: s.pduSessionId } },
      '#' + s.pduSessionId + ' ' + (s.dnn || '') + ' ' + (s.sNssai ? '[' + slice(s.sNssai) + ']' : '') + ' ',
      el('span', { class: 'mono address' }, s.ueAddress || 'no address'), ' ', el('span', { class: 'muted' }, s.upState || '')));
    const registered = u.gmmState === 'REGISTERED' && u.supi;
    return el('tr', { dataset: { supi: u.supi || '', context: u.contextId } },
      el('td', { class: 'mono' }, u.supi || '(not identified)', el('div', { class: 'muted' }, 'context ' + u.contextId)),
      el('td', { class: 'state-' + u.gmmState + ' gmm' }, u.gmmState),
      el('td', { class: 'state-' + u.cmState + ' cm' }, u.cmState),
      el('td', { class: 'mono' }, u.guti || ''),
      el('td', { class: 'mono' }, u.gnb || '', u.amfUeNgapId != null ? el('div', { class: 'muted' }, 'NGAP ' + u.amfUeNgapId + '/' + u.ranUeNgapId) : null),
      el('td', {}, sessions.length ? sessions : el('span', { class: 'muted' }, 'none')),
      el('td', {},
        el('button', { type: 'button', class: 'danger deregister', disabled: !registered, on: { click: () => deregister(u.supi) } }, 'De-register'), ' ',
        el('button', { type: 'button', class: 'secondary reauthenticate', disabled: !(registered && u.cmState === 'CONNECTED'),
          on: { click: () => reauthenticate(u.supi) } }, 'Re-authenticate')));
  }

  async function networkProcedure(path, supi) {
    try {
      const r = await api('POST', 'proxy/ues/' + encodeURIComponent(supi) + '/' + path);
      show($('actionResult'), supi + ': ' + r.outcome.toLowerCase().replaceAll('_', ' '), false);
    } catch (e) {
      show($('actionResult'), supi + ': ' + e.message, true);
    }
    await refresh();
  }

  async function deregister(supi) {
    if (await confirmAction('De-register ' + supi + '?', 'The network de-registers the UE (TS 24.501 5.5.2.3): its PDU sessions are '
      + 'released and it gets a De-registration Request (paged first when idle).', 'De-register')) {
      await networkProcedure('deregistration', supi);
    }
  }

  async function reauthenticate(supi) {
    if (await confirmAction('Re-authenticate ' + supi + '?', 'The network runs 5G AKA again with the connected UE (TS 33.501 6.1.2) '
      + 'and takes the new keys into use.', 'Re-authenticate')) {
      await networkProcedure('authentication', supi);
    }
  }

  async function refreshNfInstances() {
    try {
      const { nfInstances, truncated, unreadable } = await api('GET', 'registry/nf-instances');
      fill($('nfInstances'), nfInstances.map(n => el('tr', { dataset: { nfInstance: n.nfInstanceId } },
        el('td', {}, n.nfType), el('td', { class: 'mono' }, n.nfInstanceId),
        el('td', { class: 'state-' + n.nfStatus }, n.nfStatus),
        el('td', { class: 'mono' }, n.fqdn || '', (n.ipv4Addresses || []).map(a => el('div', {}, a))),
        el('td', { class: 'mono' }, (n.nfServices || []).map(s => el('div', {}, (s.serviceName || '') + ' ' + (s.apiPrefix || '')))),
        el('td', {}, (n.sNssais || []).map(sl => el('span', { class: 'tag' }, slice(sl)))))), 6, 'No NF instance is registered.');
      show($('nfError'), truncated || unreadable ? (truncated ? 'More instances than shown. ' : '')
        + (unreadable ? unreadable + ' unreadable profile(s).' : '') : '', true);
    } catch (e) {
      show($('nfError'), e.message, true);
    }
  }

  async function refreshPlacement() {
    const view = await api('GET', 'placement');
    $('coldStart').textContent = view.firstInvocationSeconds == null ? 'No function invoked in this process yet.'
      : 'Cold start: the first invocation came ' + view.firstInvocationSeconds.toFixed(1) + ' s after this process started.';
    const rows = [];
    for (const nf of view.nfs) {
      nf.functions.forEach((f, i) => rows.push(el('tr', { dataset: { function: f.function } },
        el('td', {}, i === 0 ? nf.nf.toUpperCase() + (nf.enabled ? '' : ' (off)') : ''),
        el('td', { class: 'mono' }, f.function + (f.coldStartHere ? ' (cold start)' : '')),
        el('td', {}, f.placement.toLowerCase()),
        el('td', { class: 'mono' }, f.target),
        el('td', {}, traffic(f.served)),
        el('td', {}, traffic(f.called)))));
    }
    fill($('placement'), rows, 6, '');
  }

  function traffic(t) {
    return t.count === 0 ? '' : t.count + ' x ' + t.meanMs.toFixed(2) + ' ms' + (t.notSuccessful ? ', ' + t.notSuccessful + ' not successful' : '');
  }

  async function refresh() {
    if (Console.has('network-procedures')) {
      await refreshN2();
    }
    if (Console.has('nf-registry')) {
      await refreshNfInstances();
    }
    try {
      await refreshPlacement();
    } catch (e) {
      $('coldStart').textContent = e.message;
    }
    $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  function schedule() {
    clearInterval(timer);
    timer = $('autoRefresh').checked ? setInterval(refresh, 2000) : null;
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await Console.load();
    if (!Console.has('network-procedures')) {
      $('noN2').hidden = false;
      for (const id of ['gnbSection', 'ueSection', 'procedureSection']) {
        $(id).hidden = true;
      }
    } else if (Console.remote('network-procedures')) {
      $('remoteSource').textContent = 'gNBs, UEs and procedures from the ngap-proxy at ' + Console.remote('network-procedures')
        + ' (liquid5gc.console.live-view-url).';
      $('remoteSource').hidden = false;
    }
    $('nfSection').hidden = !Console.has('nf-registry');
    $('refresh').addEventListener('click', refresh);
    $('autoRefresh').addEventListener('change', schedule);
    await refresh();
    schedule();
  });
})();
