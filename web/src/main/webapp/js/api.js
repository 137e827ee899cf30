// The JSON endpoints under /filedock/api, relative to the page so the context path is never hard-coded.

const BASE = new URL('api/', document.baseURI);

// Sent with every request: the same-origin proof the server wants for what changes state (a page of
// another origin cannot send it without a CORS preflight), and the mark that keeps the browser's own
// login dialog away when the server answers 401.
const HEADERS = {Accept: 'application/json', 'X-Requested-With': 'FileDock'};

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
    return response.status === 204 ? null : response.json();
}

async function problemDetail(response) {
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
    samples: (id) => getJson(`transfers/${encodeURIComponent(id)}/samples`)
};
