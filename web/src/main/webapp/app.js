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
    // a problem names each bad field; with more than one, its detail only counts them
    const errors = json && json.errors && json.errors.length > 1
      ? ': ' + json.errors.map(e => `${e.field} ${e.message}`).join('; ') : '';
    const error = new Error(json && json.detail ? json.detail + errors : response.statusText);
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

function $(id) {
  return document.getElementById(id);
}

// Builds an element; props are DOM properties (textContent, className, href…), never HTML.
function el(tag, props, ...children) {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children.filter(c => c !== null && c !== undefined));
  return element;
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

function when(instant) {
  return new Date(instant).toLocaleString();
}

function who(account) {
  return `${account.displayName} (${account.organisation})`;
}

function button(text, onClick, className) {
  const b = el('button', { type: 'button', textContent: text, className: className || '' });
  b.addEventListener('click', onClick);
  return b;
}

// Runs an action from a button or form, showing its failure in the given element instead of throwing.
async function attempt(errorElement, action, explain) {
  errorElement.textContent = '';
  try {
    await action();
  } catch (e) {
    if (e.status === 401) return signedOut();
    errorElement.textContent = (explain && explain(e)) || e.message;
  }
}

let me = null;

async function loadWorkspace() {
  me = await api('GET', 'me');
  $('who').textContent =
    `${me.displayName} (${me.username}) · ${me.organisation.name} · ${me.organisation.kind}` +
    (me.roles.length ? ' · ' + me.roles.join(', ') : '');
  const rooms = await api('GET', 'rooms');
  $('rooms').replaceChildren(...(rooms.length ? rooms.map(roomItem) : [item('No rooms yet.')]));
  const tokens = await api('GET', 'auth/tokens');
  $('tokens').replaceChildren(...tokens.map(t =>
    item(`${t.label || t.kind.toLowerCase()} — expires ${new Date(t.expiresAt).toLocaleString()}`, t.current ? 'this one' : t.kind)));
  show('workspace');
  await route();
}

function roomItem(room) {
  if (room.kind !== 'FORUM') return item(room.name, room.kind);
  const li = el('li', {}, el('a', { href: `#room/${room.id}`, textContent: room.name }));
  li.append(el('span', { className: 'kind', textContent: room.kind }));
  return li;
}

// Navigation lives in location.hash (#room/{id}, #thread/{id}, #thread/{id}/{postId}) so that
// back and forward work; each view is loaded afresh when the hash changes.
let navigation = 0;

async function route() {
  if ($('workspace').hidden) return;
  const [view, id, postId] = location.hash.slice(1).split('/');
  const current = ++navigation;
  const stale = () => current !== navigation;
  for (const section of ['home', 'room-view', 'thread-view']) $(section).hidden = true;
  refreshBell();
  try {
    if (view === 'room' && id) await openRoom(id, stale);
    else if (view === 'thread' && id) await openThread(id, postId, stale);
    else $('home').hidden = false;
  } catch (e) {
    if (e.status === 401) return signedOut();
    $(view === 'thread' ? 'thread-error' : 'room-error').textContent = e.message;
  }
}

window.addEventListener('hashchange', () => route().catch(e => console.error(e)));

// ---- a forum room: its threads, search, watching, and opening a thread

let room = null;
let threadsNext = null;
let searchFrom = null;
let searchQuery = null;
let searchNext = null;

/** Whether the caller holds a permission on the current room, as the room itself says. */
function may(permission) {
  return Boolean(room && room.permissions && room.permissions.includes(permission));
}

async function openRoom(id, stale) {
  $('room-view').hidden = false;
  $('room-content').hidden = true;
  $('room-watch').hidden = true;
  $('room-error').textContent = '';
  $('thread-form-error').textContent = '';
  if (searchFrom !== id) {
    // search results stay while one moves between the room searched from and the threads found
    searchFrom = null;
    $('search-form').reset();
    $('search-error').textContent = '';
    $('search-results').replaceChildren();
    $('search-more').hidden = true;
  }
  $('threads').replaceChildren();
  $('threads-more').hidden = true;
  try {
    const loaded = await api('GET', `rooms/${id}`);
    if (stale()) return;
    room = loaded;
  } catch (e) {
    if (e.status !== 404) throw e;
    $('room-name').textContent = 'Room not found';
    $('room-description').textContent = '';
    $('room-error').textContent = 'This room does not exist, or you may not see it.';
    return;
  }
  $('room-name').textContent = room.name;
  $('room-description').textContent = room.description || '';
  $('room-content').hidden = false;
  $('room-watch').hidden = false;
  room.watched = (await api('GET', `rooms/${id}/subscription`)).watching;
  if (stale()) return;
  showRoomWatch();
  // rooms say what the caller may do, so forms that would only be refused are not offered
  $('thread-opening').hidden = !may('CONTRIBUTE');
  threadsNext = null;
  await loadThreads(stale);
}

async function loadThreads(stale) {
  const page = await api('GET', `rooms/${room.id}/threads` + (threadsNext ? '?cursor=' + encodeURIComponent(threadsNext) : ''));
  if (stale && stale()) return;
  const list = $('threads');
  if (!threadsNext && !page.items.length) list.replaceChildren(el('li', { className: 'hint', textContent: 'No threads yet: open the first one below.' }));
  list.append(...page.items.map(threadItem));
  threadsNext = page.next || null;
  $('threads-more').hidden = !threadsNext;
}

function threadTitle(thread) {
  return thread.title === null || thread.title === undefined
    ? '(title removed under the room\'s retention period)' : thread.title;
}

function markers(thread) {
  const badges = [];
  if (thread.pinned) badges.push(el('span', { className: 'kind pinned', textContent: 'pinned' }));
  if (thread.locked) badges.push(el('span', { className: 'kind locked', textContent: 'locked' }));
  return badges;
}

function threadItem(thread) {
  const title = el('a', { href: `#thread/${thread.id}`, className: 'title', textContent: threadTitle(thread) });
  const li = el('li', { className: 'thread' + (thread.unread ? ' unread' : '') }, title, ...markers(thread));
  if (thread.unread) li.append(el('span', { className: 'badge', textContent: `${thread.unread} new` }));
  li.append(el('div', {
    className: 'hint',
    textContent: `${who(thread.author)} · ${thread.posts} ${thread.posts === 1 ? 'post' : 'posts'} · last activity ${when(thread.lastPostAt)}`
  }));
  return li;
}

$('threads-more').addEventListener('click', () => attempt($('room-error'), () => loadThreads()));

function showRoomWatch() {
  $('room-watch').textContent = room.watched ? 'Watching room · stop' : 'Watch room';
  $('room-watch').setAttribute('aria-pressed', String(room.watched));
}

$('room-watch').addEventListener('click', () => attempt($('room-error'), async () => {
  await api(room.watched ? 'DELETE' : 'PUT', `rooms/${room.id}/subscription`);
  room.watched = !room.watched;
  showRoomWatch();
}));

$('thread-form').addEventListener('submit', event => {
  event.preventDefault();
  const form = new FormData(event.target);
  attempt($('thread-form-error'), async () => {
    const opened = await api('POST', `rooms/${room.id}/threads`, { title: form.get('title'), body: form.get('body') });
    event.target.reset();
    location.hash = `#thread/${opened.thread.id}`;
  }, e => e.status === 403 ? 'You may read this room but not open threads in it: ' + e.message : null);
});

$('search-form').addEventListener('submit', event => {
  event.preventDefault();
  searchFrom = room.id;
  searchQuery = new FormData(event.target).get('q');
  searchNext = null;
  $('search-results').replaceChildren();
  attempt($('search-error'), loadSearch);
});

$('search-more').addEventListener('click', () => attempt($('search-error'), loadSearch));

async function loadSearch() {
  const page = await api('GET', 'search?q=' + encodeURIComponent(searchQuery) +
    (searchNext ? '&cursor=' + encodeURIComponent(searchNext) : ''));
  const list = $('search-results');
  if (!searchNext && !page.items.length) list.append(el('li', { className: 'hint', textContent: 'Nothing found.' }));
  list.append(...page.items.map(hitItem));
  searchNext = page.next || null;
  $('search-more').hidden = !searchNext;
}

function hitItem(hit) {
  const href = `#thread/${hit.threadId}` + (hit.postId ? `/${hit.postId}` : '');
  const snippet = el('div', { className: 'snippet' });
  // the server escapes the matched text and adds only <mark> around the matches
  snippet.innerHTML = hit.snippet;
  return el('li', {},
    el('span', { className: 'hint', textContent: `${hit.roomName} · ` }),
    el('a', { href, textContent: threadTitle({ title: hit.threadTitle }) }),
    el('span', { className: 'kind', textContent: hit.kind === 'POST' ? 'post' : 'title' }),
    snippet);
}

// ---- a thread: its posts, replies, reactions, revisions, flags and moderation

const REACTIONS = {
  THUMBS_UP: '👍', THUMBS_DOWN: '👎', HEART: '❤️', LAUGH: '😄',
  HOORAY: '🎉', CONFUSED: '😕', EYES: '👀', ROCKET: '🚀'
};
const FLAG_REASONS = { SPAM: 'Spam', OFF_TOPIC: 'Off topic', INAPPROPRIATE: 'Inappropriate', ILLEGAL: 'Illegal', OTHER: 'Other (say why)' };

let thread = null;
let postsNext = null;

async function openThread(id, postId, stale) {
  $('thread-view').hidden = false;
  $('thread-content').hidden = true;
  $('thread-watch').hidden = true;
  $('thread-back').href = '#';
  $('thread-back').textContent = '← Your rooms';
  for (const error of ['thread-error', 'reply-error', 'moderation-error']) $(error).textContent = '';
  $('posts').replaceChildren();
  $('posts-more').hidden = true;
  try {
    const loaded = await api('GET', `threads/${id}`);
    if (stale()) return;
    thread = loaded;
  } catch (e) {
    if (e.status !== 404) throw e;
    thread = null;
    $('thread-title').textContent = 'Thread not found';
    $('thread-meta').textContent = '';
    $('thread-error').textContent = 'This thread does not exist, or you may not see it.';
    return;
  }
  $('thread-content').hidden = false;
  $('thread-watch').hidden = false;
  showThread();
  if (!room || room.id !== thread.roomId) {
    api('GET', `rooms/${thread.roomId}`).then(r => { room = r; if (!stale()) showThread(); }, () => {});
  }
  postsNext = null;
  await loadPosts(stale);
  const target = postId && document.getElementById('post-' + postId);
  if (target) {
    target.classList.add('target');
    target.scrollIntoView({ block: 'center' });
  }
}

function showThread() {
  $('thread-back').href = `#room/${thread.roomId}`;
  $('thread-back').textContent = '← ' + (room && room.id === thread.roomId ? room.name : 'Room');
  $('thread-title').replaceChildren(threadTitle(thread), ...markers(thread));
  $('thread-meta').textContent =
    `Opened by ${who(thread.author)} on ${when(thread.createdAt)} · ${thread.posts} ${thread.posts === 1 ? 'post' : 'posts'}`;
  $('thread-watch').textContent = thread.subscribed ? 'Watching · stop' : 'Watch thread';
  $('thread-watch').setAttribute('aria-pressed', String(thread.subscribed));
  const ours = room && room.id === thread.roomId;
  $('replying').hidden = ours && !may('CONTRIBUTE');
  $('moderation').hidden = !(ours && may('MODERATE'));
  $('thread-pin').textContent = thread.pinned ? 'Unpin' : 'Pin';
  $('thread-lock').textContent = thread.locked ? 'Unlock' : 'Lock';
}

async function loadPosts(stale) {
  const page = await api('GET', `threads/${thread.id}/posts` + (postsNext ? '?cursor=' + encodeURIComponent(postsNext) : ''));
  if (stale && stale()) return;
  $('posts').append(...page.items.map(postItem));
  postsNext = page.next || null;
  $('posts-more').hidden = !postsNext;
}

$('posts-more').addEventListener('click', () => attempt($('thread-error'), () => loadPosts()));

$('thread-watch').addEventListener('click', () => attempt($('thread-error'), async () => {
  await api(thread.subscribed ? 'DELETE' : 'PUT', `threads/${thread.id}/subscription`);
  thread.subscribed = !thread.subscribed;
  showThread();
}));

function moderateThread(action) {
  return attempt($('moderation-error'), async () => {
    const reason = $('moderation-reason').value.trim();
    const moderated = await api('POST', `threads/${thread.id}/moderation`, { action, reason: reason || undefined });
    thread = moderated;
    showThread();
  });
}

$('thread-pin').addEventListener('click', () => moderateThread(thread.pinned ? 'UNPIN' : 'PIN'));
$('thread-lock').addEventListener('click', () => moderateThread(thread.locked ? 'UNLOCK' : 'LOCK'));

// while the moderator tools are open, each post shows its hide or unhide button
$('moderation').addEventListener('toggle', () => {
  $('thread-view').classList.toggle('moderating', $('moderation').open);
});

$('reply-form').addEventListener('submit', event => {
  event.preventDefault();
  const body = new FormData(event.target).get('body');
  attempt($('reply-error'), async () => {
    const post = await api('POST', `threads/${thread.id}/posts`, { body });
    event.target.reset();
    thread.posts += 1;
    showThread();
    // the reply is the newest post: show the pages before it, or append it to the last one
    if (postsNext) {
      while (postsNext) await loadPosts();
    } else {
      $('posts').append(postItem(post));
    }
    const li = document.getElementById('post-' + post.id);
    if (li) li.scrollIntoView({ block: 'nearest' });
  }, e => e.status === 409 ? 'This thread is locked.' : null);
});

// Inserts HTML the server rendered from Markdown and sanitised with its allow-list; it is the only
// HTML from the server this client inserts besides search snippets. It is parsed in an inert
// template first so that images from other hosts, which the page's CSP would block, become links.
function sanitisedHtml(className, html, fallback) {
  const div = el('div', { className });
  if (html === null || html === undefined) {
    div.append(el('p', { className: 'placeholder', textContent: fallback }));
    return div;
  }
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll('img')) {
    const src = new URL(img.getAttribute('src'), location.href);
    if (src.origin === location.origin) continue;
    img.replaceWith(el('a', { href: src.href, rel: 'nofollow noopener', textContent: `[image: ${img.alt || src.hostname}]` }));
  }
  div.append(template.content);
  return div;
}

function postItem(post) {
  const li = el('li', { className: 'post' + (post.hidden ? ' hidden-post' : ''), id: 'post-' + post.id });
  const error = el('p', { className: 'error', role: 'alert' });
  const extra = el('div', { className: 'extra' });
  const head = el('div', { className: 'post-head' },
    el('strong', { textContent: post.author.displayName }),
    el('span', { className: 'hint', textContent: ` ${post.author.organisation} · ${when(post.createdAt)}` }));
  if (post.revision > 1) {
    head.append(el('span', { className: 'kind', textContent: 'edited', title: `revision ${post.revision}, ${when(post.revisedAt)}` }));
  }
  if (post.hidden) {
    head.append(el('span', { className: 'kind warn', textContent: 'hidden' + (post.hiddenReason ? ': ' + post.hiddenReason : '') }));
  }
  const body = sanitisedHtml('post-body', post.html, 'This post has no content.');
  const replace = updated => li.replaceWith(postItem(updated));

  const actions = el('div', { className: 'actions' });
  if (!post.purged) actions.append(reactionBar(post, error, replace));
  if (me && post.author.id === me.id && !post.purged) {
    actions.append(button('Edit', () => toggleExtra(extra, 'edit', () => editForm(post, error, replace, () => closeExtra(extra))), 'link'));
  }
  actions.append(
    button('Revisions', () => attempt(error, () => toggleExtraAsync(extra, 'revisions', () => revisionsList(post))), 'link'),
    button('Flag', () => toggleExtra(extra, 'flag', () => flagForm(post, error, () => closeExtra(extra))), 'link'),
    button(post.hidden ? 'Unhide' : 'Hide', () => attempt(error, async () => {
      const reason = $('moderation-reason').value.trim();
      replace(await api('POST', `posts/${post.id}/moderation`,
        { action: post.hidden ? 'UNHIDE' : 'HIDE', reason: reason || undefined }));
    }), 'link mod-only'));
  li.append(head, body, actions, extra, error);
  return li;
}

// Below each post one extra part shows at a time: its edit form, revisions or flag form.
function closeExtra(extra) {
  extra.replaceChildren();
  delete extra.dataset.showing;
}

function toggleExtra(extra, name, build) {
  if (extra.dataset.showing === name) return closeExtra(extra);
  extra.replaceChildren(build());
  extra.dataset.showing = name;
}

async function toggleExtraAsync(extra, name, build) {
  if (extra.dataset.showing === name) return closeExtra(extra);
  const built = await build();
  extra.replaceChildren(built);
  extra.dataset.showing = name;
}

function reactionBar(post, error, replace) {
  const bar = el('span', { className: 'reactions' });
  const react = reaction => attempt(error, async () => {
    post.reactions = await api('POST', `posts/${post.id}/reactions`, { reaction });
    replace(post);
  });
  for (const r of post.reactions) {
    const b = button(`${r.emoji} ${r.count}`, () => react(r.reaction), r.mine ? 'reaction mine' : 'reaction');
    b.title = r.reaction.toLowerCase().replace('_', ' ') + (r.mine ? ' (yours; click to remove)' : '');
    b.setAttribute('aria-pressed', String(r.mine));
    bar.append(b);
  }
  const picker = el('details', { className: 'picker' }, el('summary', { textContent: '+ react', title: 'Add a reaction' }));
  for (const [name, emoji] of Object.entries(REACTIONS)) {
    const b = button(emoji, () => { picker.open = false; react(name); }, 'reaction');
    b.title = name.toLowerCase().replace('_', ' ');
    picker.append(b);
  }
  bar.append(picker);
  return bar;
}

function editForm(post, error, replace, close) {
  const textarea = el('textarea', { name: 'body', rows: 5, required: true, maxLength: 50000, value: post.body || '' });
  const form = el('form', { className: 'edit' },
    el('label', {}, 'Edit your post ', el('span', { className: 'hint', textContent: '(Markdown; the earlier version is kept)' }), textarea),
    el('button', { type: 'submit', textContent: 'Save' }), ' ',
    button('Cancel', close));
  form.addEventListener('submit', event => {
    event.preventDefault();
    attempt(error, async () => replace(await api('PATCH', `posts/${post.id}`, { body: textarea.value })));
  });
  return form;
}

async function revisionsList(post) {
  const revisions = await api('GET', `posts/${post.id}/revisions`);
  return el('ol', { className: 'plain revisions' }, ...revisions.map(r => el('li', {},
    el('div', { className: 'hint', textContent: `Revision ${r.number} · ${who(r.author)} · ${when(r.createdAt)} · SHA-256 ${r.digest.slice(0, 16)}…`, title: r.digest }),
    sanitisedHtml('post-body', r.body === null || r.body === undefined ? null : r.html,
      'This version was removed under the room\'s retention period.'))));
}

function flagForm(post, error, close) {
  const reason = el('select', { name: 'reason', required: true },
    ...Object.entries(FLAG_REASONS).map(([value, label]) => el('option', { value, textContent: label })));
  const text = el('input', { name: 'text', maxLength: 1000, placeholder: 'what is wrong (required for Other)' });
  const form = el('form', { className: 'flag inline' },
    el('label', {}, 'Report to the moderators ', reason), ' ', text, ' ',
    el('button', { type: 'submit', textContent: 'Report' }), ' ',
    button('Cancel', close));
  form.addEventListener('submit', event => {
    event.preventDefault();
    attempt(error, async () => {
      await api('POST', `posts/${post.id}/flags`, { reason: reason.value, text: text.value.trim() || undefined });
      form.replaceWith(el('p', { className: 'hint', textContent: 'Reported. The room\'s moderators will look at it.' }));
    });
  });
  return form;
}

// ---- notifications: the bell, its list, and marking read

let notificationsNext = null;
const NOTIFIED = { MENTION: 'mentioned you in', REPLY: 'replied in', NEW_THREAD: 'opened' };

function showUnread(unread) {
  $('bell-count').hidden = !unread;
  $('bell-count').textContent = unread > 99 ? '99+' : String(unread);
  $('bell').title = unread ? `${unread} unread notifications` : 'Notifications';
}

async function refreshBell() {
  try {
    const page = await api('GET', 'notifications?unread=true&limit=1');
    showUnread(page.unread);
  } catch (e) {
    if (e.status === 401) signedOut();
  }
}

async function loadNotifications() {
  const page = await api('GET', 'notifications?limit=20' + (notificationsNext ? '&cursor=' + encodeURIComponent(notificationsNext) : ''));
  const list = $('notification-list');
  if (!notificationsNext && !page.items.length) list.append(el('li', { className: 'hint', textContent: 'Nothing yet. Watch a room or thread to hear about new posts.' }));
  list.append(...page.items.map(notificationItem));
  showUnread(page.unread);
  notificationsNext = page.next || null;
  $('notifications-more').hidden = !notificationsNext;
}

function notificationItem(n) {
  const link = el('a', {
    href: `#thread/${n.threadId}` + (n.postId ? `/${n.postId}` : ''),
    textContent: threadTitle({ title: n.threadTitle })
  });
  const li = el('li', { className: n.readAt ? 'notification' : 'notification unread' },
    el('span', { textContent: `${n.actor.displayName} (${n.actor.organisation}) ${NOTIFIED[n.kind] || n.kind} ` }),
    link,
    el('div', { className: 'hint', textContent: when(n.createdAt) }));
  link.addEventListener('click', () => {
    $('notifications').hidden = true;
    $('bell').setAttribute('aria-expanded', 'false');
    if (!n.readAt) api('POST', 'notifications/read', { ids: [n.id] }).then(r => showUnread(r.unread), () => {});
  });
  return li;
}

$('bell').addEventListener('click', () => attempt($('notifications-error'), async () => {
  const panel = $('notifications');
  panel.hidden = !panel.hidden;
  $('bell').setAttribute('aria-expanded', String(!panel.hidden));
  if (panel.hidden) return;
  notificationsNext = null;
  $('notification-list').replaceChildren();
  await loadNotifications();
}));

$('notifications-more').addEventListener('click', () => attempt($('notifications-error'), loadNotifications));

$('notifications-read').addEventListener('click', () => attempt($('notifications-error'), async () => {
  showUnread((await api('POST', 'notifications/read', {})).unread);
  for (const li of $('notification-list').querySelectorAll('.unread')) li.classList.remove('unread');
}));

// the count stays current while the page is open; a hidden tab does not ask
setInterval(() => {
  if (!$('workspace').hidden && !document.hidden) refreshBell();
}, 60000);

// ---- signing in and out

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

function signedOut() {
  csrfToken = null;
  me = null;
  sessionStorage.removeItem('clearroom.csrf');
  $('notifications').hidden = true;
  show('signin');
}

document.getElementById('signout').addEventListener('click', async () => {
  try { await api('DELETE', 'auth/session'); } catch (e) { /* the session may have ended already */ }
  history.replaceState(null, '', location.pathname);
  signedOut();
});

loadWorkspace().catch(() => show('signin'));
