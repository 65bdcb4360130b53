// Every view's state lives in the query string of "/", so a link reproduces what is on screen and the back button
// steps through it. A filter change pushes a history entry; live updates (the tail) never do.

const listeners = new Set();

/** The current state: a URLSearchParams of the page's query string. */
export function current() {
  return new URLSearchParams(window.location.search);
}

/** A link to a state: "/?view=logs&service=orders". */
export function href(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text ? `/?${text}` : '/';
}

/** Goes to a state (pushing a history entry unless replace) and renders it. */
export function navigate(url, { replace = false } = {}) {
  if (url === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

/** The state with some parameters changed (null removes one), as a link. */
export function withChanges(changes) {
  const search = current();
  for (const [name, value] of Object.entries(changes)) {
    search.delete(name);
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text ? `/?${text}` : '/';
}

export function onChange(listener) {
  listeners.add(listener);
}

function notify() {
  for (const listener of listeners) listener(current());
}

window.addEventListener('popstate', notify);

// Links inside the page change the state without a reload (ctrl/cmd-click still opens a new tab).
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="/?"], a[href="/"]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
