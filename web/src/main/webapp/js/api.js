// The JSON endpoints under /filedock/api, relative to the page so the context path is never hard-coded.

const BASE = new URL('api/', document.baseURI);

export class ApiError extends Error {
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}

async function getJson(path, params = {}) {
    const url = new URL(path, BASE);
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            url.searchParams.set(name, value);
        }
    }
    let response;
    try {
        response = await fetch(url, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    } catch (e) {
        throw new ApiError(`cannot reach the server (${e.message})`, 0);
    }
    if (!response.ok) {
        throw new ApiError(`${url.pathname} answered HTTP ${response.status}`, response.status);
    }
    return response.json();
}

export const api = {
    info: () => getJson('info'),
    stats: () => getJson('stats'),
    /** filters: direction, outcome, path (prefix), limit, offset */
    transfers: (filters) => getJson('transfers', filters),
    live: () => getJson('transfers/live'),
    transfer: (id) => getJson(`transfers/${encodeURIComponent(id)}`),
    samples: (id) => getJson(`transfers/${encodeURIComponent(id)}/samples`)
};
