// The JSON endpoints under /filedock/api, relative to the page so the context path is never hard-coded.

const BASE = new URL('api/', document.baseURI);

// Sent with every request: the same-origin proof the server wants for what changes state (a page of
// another origin cannot send it without a CORS preflight), and the mark that keeps the browser's own
// login dialog away when the server answers 401.
export const HEADERS = {Accept: 'application/json', 'X-Requested-With': 'FileDock'};

export class ApiError extends Error {
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}

async function call(method, url, body) {
    const init = {method, headers: {...HEADERS}, cache: 'no-store', credentials: 'same-origin'};
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(url, init);
    } catch (e) {
        throw new ApiError(`cannot reach the server (${e.message})`, 0);
    }
    if (!response.ok) {
        throw new ApiError(await problemDetail(response) || `${url.pathname} answered HTTP ${response.status}`,
            response.status);
    }
    // a 201 of mkdir, like a 204, may come without a body
    const text = await response.text();
    return text === '' ? null : JSON.parse(text);
}

export async function problemDetail(response) {
    try {
        return (await response.json()).detail;
    } catch (e) {
        return null;
    }
}

function getJson(path, params = {}) {
    const url = new URL(path, BASE);
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    return call('GET', url);
}

/** The URL of a drive path ("/docs/a b.txt") under /api/files, each segment percent-encoded. */
export function fileUrl(path) {
    const segments = path.split('/').filter(s => s !== '').map(encodeURIComponent);
    return new URL(`files/${segments.join('/')}`, BASE);
}

export const api = {
    /** the caller ({user, admin}); 401 when not logged in, 404 when the server has no accounts */
    session: () => getJson('session'),
    login: (user, password) => call('POST', new URL('session', BASE), {user, password}),
    logout: () => call('DELETE', new URL('session', BASE)),
    info: () => getJson('info'),
    stats: () => getJson('stats'),
    /** filters: direction, outcome, path (prefix), limit, offset */
    transfers: (filters) => getJson('transfers', filters),
    live: () => getJson('transfers/live'),
    transfer: (id) => getJson(`transfers/${encodeURIComponent(id)}`),
    samples: (id) => getJson(`transfers/${encodeURIComponent(id)}/samples`),
    /** {path, entries: [{name, type, size, modified}]} */
    list: (path) => call('GET', fileUrl(path)),
    mkdir: (path) => call('POST', fileUrl(path), {op: 'mkdir'}),
    /** into an existing directory, keeping the name; answers {path} */
    move: (path, directory) => call('POST', fileUrl(path), {op: 'move', to: directory}),
    /** the same directory or another, under a new name (FileDock's extension of the move op) */
    rename: (path, directory, name) => call('POST', fileUrl(path), {op: 'move', to: directory, name}),
    remove: (path) => call('DELETE', fileUrl(path)),
    usage: () => getJson('usage'),
    /** {token, url, expiresAt, ...}[]; 404 when the server has no share links */
    shares: () => getJson('shares'),
    share: (path, expiresAt, password) => call('POST', new URL('shares', BASE),
        password ? {path, expiresAt, password} : {path, expiresAt}),
    revokeShare: (token) => call('DELETE', new URL(`shares/${encodeURIComponent(token)}`, BASE))
};
