'use strict';
// The browser client: a session cookie (HttpOnly, SameSite=Strict) set by the server, and the CSRF
// token it answers at sign-in, sent as X-CSRF-Token on every unsafe request.
let csrfToken = sessionStorage.getItem('clearroom.csrf');

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch('api/' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && json.detail ? json.detail : response.statusText);
    error.status = response.status;
    throw error;
  }
  return json;
}

function show(id) {
  for (const section of ['signin', 'workspace']) {
    document.getElementById(section).hidden = section !== id;
  }
}

function item(text, extra) {
  const li = document.createElement('li');
  li.textContent = text;
  if (extra) {
    const span = document.createElement('span');
    span.className = 'kind';
    span.textContent = extra;
    li.appendChild(span);
  }
  return li;
}

async function loadWorkspace() {
  const me = await api('GET', 'me');
  document.getElementById('who').textContent =
    `${me.displayName} (${me.username}) · ${me.organisation.name} · ${me.organisation.kind}` +
    (me.roles.length ? ' · ' + me.roles.join(', ') : '');
  const rooms = await api('GET', 'rooms');
  const list = document.getElementById('rooms');
  list.replaceChildren(...(rooms.length ? rooms.map(r => item(r.name, r.kind)) : [item('No rooms yet.')]));
  const tokens = await api('GET', 'auth/tokens');
  document.getElementById('tokens').replaceChildren(...tokens.map(t =>
    item(`${t.label || t.kind.toLowerCase()} — expires ${new Date(t.expiresAt).toLocaleString()}`, t.current ? 'this one' : t.kind)));
  show('workspace');
}

document.getElementById('signin-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  const error = document.getElementById('signin-error');
  error.textContent = '';
  try {
    const session = await api('POST', 'auth/session', { username: form.get('username'), password: form.get('password') });
    csrfToken = session.csrfToken;
    sessionStorage.setItem('clearroom.csrf', csrfToken);
    event.target.reset();
    await loadWorkspace();
  } catch (e) {
    error.textContent = e.status === 429 ? 'Too many failed attempts; try again later.' : e.message;
  }
});

document.getElementById('signout').addEventListener('click', async () => {
  try { await api('DELETE', 'auth/session'); } catch (e) { /* the session may have ended already */ }
  csrfToken = null;
  sessionStorage.removeItem('clearroom.csrf');
  show('signin');
});

loadWorkspace().catch(() => show('signin'));
