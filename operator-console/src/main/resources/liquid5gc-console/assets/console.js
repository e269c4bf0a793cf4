'use strict';
// What every console page shares: the session (operator, CSRF token), calls to /console/api/ with problem+json
// errors as exceptions, DOM building without innerHTML (every value goes in as text), the confirmation dialog, logout.
const Console = (() => {
  let session = null;

  function toLogin() {
    location.href = '/console/login';
    return new Promise(() => {}); // the page is going away
  }

  async function load() {
    const r = await fetch('/console/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (r.status === 401) {
      return toLogin();
    }
    session = await r.json();
    document.getElementById('operator').textContent = session.operator;
    document.getElementById('logout').addEventListener('click', logout);
    return session;
  }

  function has(apiName) {
    return session.apis.some(a => a.name === apiName);
  }

  /** The URL of the other process serving that API (a split deployment), or null when this process serves it. */
  function remote(apiName) {
    const a = session.apis.find(x => x.name === apiName);
    return a && a.remote ? a.remote : null;
  }

  /** A call to /console/api/<path>: the parsed JSON answer, or an Error with the problem's detail, status and cause. */
  async function api(method, path, body, contentType) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers[session.csrfHeader] = session.csrfToken;
    }
    if (contentType) {
      headers['Content-Type'] = contentType;
    }
    const r = await fetch('/console/api/' + path, { method, headers, body, credentials: 'same-origin' });
    if (r.status === 401) {
      return toLogin();
    }
    const text = await r.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (!r.ok) {
      const e = new Error(data && data.detail ? data.detail : r.status + ' ' + r.statusText);
      e.status = r.status;
      e.problemCause = data && data.cause;
      throw e;
    }
    return data;
  }

  async function logout() {
    await fetch('/console/logout', { method: 'POST', headers: { [session.csrfHeader]: session.csrfToken }, credentials: 'same-origin' });
    location.href = '/console/login?logout';
  }

  /** el('td', {class: 'x', dataset: {supi}}, 'text', child...): children that are strings become text nodes. */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) {
        continue;
      }
      if (k === 'dataset') {
        Object.assign(e.dataset, v);
      } else if (k === 'on') {
        for (const [event, handler] of Object.entries(v)) {
          e.addEventListener(event, handler);
        }
      } else if (k === 'class') {
        e.className = v;
      } else {
        e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat()) {
      if (c !== undefined && c !== null) {
        e.append(c instanceof Node ? c : document.createTextNode(String(c)));
      }
    }
    return e;
  }

  function fill(tbody, rows, columns, emptyText) {
    tbody.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { class: 'empty', colspan: columns }, emptyText))]));
  }

  function show(node, text, isError) {
    node.textContent = text;
    node.classList.toggle('error', !!isError);
    node.classList.toggle('ok', !isError);
    node.hidden = !text;
  }

  /** Asks before an operator action; resolves true when confirmed. */
  function confirmAction(title, message, confirmLabel) {
    const dialog = document.getElementById('confirmDialog');
    dialog.querySelector('h2').textContent = title;
    dialog.querySelector('p').textContent = message;
    const ok = dialog.querySelector('.confirm');
    ok.textContent = confirmLabel;
    return new Promise(resolve => {
      const done = value => {
        dialog.close();
        ok.removeEventListener('click', yes);
        cancel.removeEventListener('click', no);
        resolve(value);
      };
      const yes = () => done(true);
      const no = () => done(false);
      const cancel = dialog.querySelector('.cancel');
      ok.addEventListener('click', yes);
      cancel.addEventListener('click', no);
      dialog.showModal();
    });
  }

  function slicesText(slices) {
    return (slices || []).map(s => (s.defaultSlice ? '*' : '') + s.sst + (s.sd ? '-' + s.sd : '') + ': ' + (s.dnns || []).join(', '));
  }

  /** "*1-010203: internet, ims" per line (* marks a default slice); the server checks the values. */
  function parseSlices(text) {
    const slices = [];
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line) {
        continue;
      }
      const m = /^(\*?)\s*(\d+)(?:-([0-9A-Fa-f]+))?\s*:\s*(.*)$/.exec(line);
      if (!m) {
        throw new Error('slices: "' + line + '" is not SST[-SD]: dnn, dnn (a * before marks a default slice)');
      }
      const slice = { sst: Number(m[2]), dnns: m[4].split(',').map(d => d.trim()).filter(d => d) };
      if (m[3]) {
        slice.sd = m[3];
      }
      if (m[1]) {
        slice.defaultSlice = true;
      }
      slices.push(slice);
    }
    return slices;
  }

  return { load, has, remote, api, el, fill, show, confirmAction, slicesText, parseSlices };
})();
