// Calls the query API (docs/api.md). The session cookie (or no key at all) is the credential, sent by the
// browser itself; a 401 means the session ended, so the page goes back to the login form.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
  }
}

async function send(path, init) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' }, ...init });
  if (response.status === 401) {
    window.location.assign('/' + window.location.search);
    throw new ApiError(401, 'Signed out');
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not a problem document */ }
    throw new ApiError(response.status, problem.title ?? `HTTP ${response.status}`, problem.detail);
  }
  return response.status === 204 ? null : response.json();
}

/** GET /api/{path} with query parameters; arrays repeat the parameter, empty values are left out. */
export function get(path, parameters = {}) {
  return send(`/api/${path}${query(parameters)}`);
}

/** POST a JSON body to /api/{path}. */
export function post(path, body) {
  return send(`/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body ?? {}) });
}

export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
