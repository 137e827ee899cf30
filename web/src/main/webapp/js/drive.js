// The file manager at /filedock/: the folder named in the address (#/docs/sub, so Back and
// bookmarks work), its entries, uploads, folders, moves, deletes, share links and the usage. Every
// action is a fetch and a DOM update; nothing reloads the page. On a server with accounts the
// page asks who is logged in first and shows the login form while nobody is.

import {api} from './api.js';
import {formatBytes} from './format.js';
import {FileList} from './file-list.js';
import {Uploads} from './uploads.js';
import {ShareDialog, askText, confirmAction} from './dialogs.js';
import {SessionView, UNAUTHORIZED} from './session-view.js';

const NOT_FOUND = 404;

const status = document.getElementById('status');
const listElement = document.getElementById('file-list');
const empty = document.getElementById('empty');
const shareDialog = new ShareDialog();
const session = new SessionView(() => start(), () => {});
const list = new FileList(listElement, {
    open: entry => go(entry.path),
    rename: entry => rename(entry),
    move: entry => move(entry),
    share: entry => shareDialog.open(entry.path),
    remove: entry => remove(entry)
});
const uploads = new Uploads(document.getElementById('uploads'), directory => {
    if (directory === current) {
        refresh();
    }
    showUsage();
}, () => loggedOut());

let current = '/';
let loading = 0;

function report(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
}

/** The folder in the address: "#/docs/a%20b" is "/docs/a b". */
function folderFromAddress() {
    const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
    try {
        return normalise(decodeURIComponent(raw));
    } catch (e) {
        return '/';
    }
}

function normalise(path) {
    const segments = path.split('/').filter(s => s !== '' && s !== '.');
    return `/${segments.join('/')}`;
}

function go(path) {
    const target = `#${path.split('/').map(encodeURIComponent).join('/')}`;
    if (location.hash === target) {
        refresh();
    } else {
        location.hash = target;
    }
}

async function refresh(focusList = false) {
    const folder = folderFromAddress();
    const ticket = ++loading;
    const started = performance.now();
    try {
        const listing = await api.list(folder);
        if (ticket !== loading) {
            return;
        }
        const fetched = performance.now();
        const changedFolder = folder !== current || list.count === 0;
        current = listing.path;
        showBreadcrumb(current);
        if (changedFolder) {
            list.show(current, listing.entries);
        } else {
            keepPlace(() => list.show(current, listing.entries));
        }
        empty.hidden = listing.entries.length > 0;
        listElement.dataset.path = current;
        listElement.dataset.count = listing.entries.length;
        // what the browser test reads: the request, then the sort and the rows until painted
        requestAnimationFrame(() => {
            listElement.dataset.fetchMillis = (fetched - started).toFixed(1);
            listElement.dataset.renderMillis = (performance.now() - fetched).toFixed(1);
        });
        report(`${listing.entries.length} ${listing.entries.length === 1 ? 'entry' : 'entries'} in ${current}`);
        if (focusList) {
            list.focus();
        }
    } catch (e) {
        if (ticket === loading) {
            failed(e, `Cannot open ${folder}`);
        }
    }
}

/** Redraws without losing the scroll position (after an upload or a change in the same folder). */
function keepPlace(redraw) {
    const top = listElement.scrollTop;
    redraw();
    listElement.scrollTop = top;
}

function failed(error, what) {
    if (error.status === UNAUTHORIZED) {
        loggedOut();
        return;
    }
    report(`${what}: ${error.message}`, true);
}

function loggedOut() {
    session.showLogin('Your session has ended. Please log in again.');
}

function showBreadcrumb(path) {
    const crumbs = document.getElementById('breadcrumb');
    const parts = path.split('/').filter(Boolean);
    const items = [crumb('Home', '/', parts.length === 0)];
    parts.forEach((part, index) => {
        items.push(separator());
        items.push(crumb(part, `/${parts.slice(0, index + 1).join('/')}`, index === parts.length - 1));
    });
    crumbs.replaceChildren(...items);
}

function crumb(text, path, isCurrent) {
    const link = document.createElement('a');
    link.textContent = text;
    link.href = `#${path.split('/').map(encodeURIComponent).join('/')}`;
    link.dataset.path = path;
    if (isCurrent) {
        link.setAttribute('aria-current', 'location');
    }
    return link;
}

function separator() {
    const span = document.createElement('span');
    span.className = 'separator';
    span.setAttribute('aria-hidden', 'true');
    span.textContent = '/';
    return span;
}

async function showUsage() {
    const text = document.getElementById('usage');
    const meter = document.getElementById('usage-meter');
    try {
        const usage = await api.usage();
        if (usage.quota == null) {
            text.textContent = `${formatBytes(usage.used)} used (no quota)`;
            meter.hidden = true;
        } else {
            const share = usage.quota > 0 ? Math.min(1, usage.used / usage.quota) : 1;
            text.textContent = `${formatBytes(usage.used)} of ${formatBytes(usage.quota)} used (${Math.round(share * 100)} %)`;
            meter.value = share;
            meter.hidden = false;
        }
        text.dataset.used = usage.used;
    } catch (e) {
        text.textContent = 'Usage unavailable.';
    }
}

function validName(name) {
    if (!name) {
        return 'Enter a name.';
    }
    if (name.includes('/') || name === '.' || name === '..') {
        return 'A name cannot contain "/" or be "." or "..".';
    }
    return null;
}

async function newFolder() {
    const name = await askText('New folder', 'Name', '', validName);
    if (name === null) {
        return;
    }
    const path = `${current === '/' ? '' : current}/${name}`;
    try {
        await api.mkdir(path);
        report(`Folder ${name} created.`);
        refresh();
    } catch (e) {
        failed(e, `Cannot create ${name}`);
    }
}

async function rename(entry) {
    const name = await askText(`Rename ${entry.name}`, 'New name', entry.name, validName);
    if (name === null || name === entry.name) {
        return;
    }
    try {
        await api.rename(entry.path, current, name);
        report(`${entry.name} renamed to ${name}.`);
        refresh();
    } catch (e) {
        failed(e, `Cannot rename ${entry.name}`);
    }
}

async function move(entry) {
    const target = await askText(`Move ${entry.name}`, 'Into the folder', current,
        text => (text.startsWith('/') ? null : 'Give the folder from the top, starting with "/".'));
    if (target === null) {
        return;
    }
    try {
        const moved = await api.move(entry.path, normalise(target));
        report(`${entry.name} moved to ${moved.path}.`);
        refresh();
    } catch (e) {
        failed(e, `Cannot move ${entry.name}`);
    }
}

async function remove(entry) {
    const folder = entry.type === 'directory';
    const sure = await confirmAction(`Delete ${folder ? 'folder' : 'file'}?`,
        `${entry.path} will be deleted for good.${folder ? ' (Only an empty folder can be deleted.)' : ''}`, 'Delete');
    if (!sure) {
        return;
    }
    try {
        await api.remove(entry.path);
        report(`${entry.name} deleted.`);
        refresh();
        showUsage();
    } catch (e) {
        failed(e, `Cannot delete ${entry.name}`);
    }
}

/** The share button appears only when the server has share links (a 404 means it has none). */
async function detectSharing() {
    try {
        await api.shares();
        list.enableSharing(true);
    } catch (e) {
        list.enableSharing(e.status !== NOT_FOUND && e.status !== UNAUTHORIZED && e.status !== 0);
    }
}

function wireControls() {
    const input = document.getElementById('file-input');
    input.addEventListener('change', () => {
        uploads.add([...input.files], current);
        input.value = '';
    });
    document.getElementById('new-folder').addEventListener('click', newFolder);
    const sort = document.getElementById('sort');
    const direction = document.getElementById('sort-direction');
    const resort = () => {
        const descending = direction.getAttribute('aria-pressed') === 'true';
        list.sortBy(sort.value, descending);
    };
    sort.addEventListener('change', resort);
    direction.addEventListener('click', () => {
        const descending = direction.getAttribute('aria-pressed') !== 'true';
        direction.setAttribute('aria-pressed', String(descending));
        direction.textContent = descending ? '↓' : '↑';
        direction.setAttribute('aria-label', descending ? 'Ascending order' : 'Descending order');
        resort();
    });
    const zone = document.getElementById('drop-zone');
    zone.addEventListener('dragover', event => {
        if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) {
            event.preventDefault();
            zone.classList.add('dragging');
        }
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', event => {
        event.preventDefault();
        zone.classList.remove('dragging');
        if (event.dataTransfer.files.length) {
            uploads.add([...event.dataTransfer.files], current);
        }
    });
    // a file dropped beside the list must not make the browser leave the page to show it
    for (const type of ['dragover', 'drop']) {
        window.addEventListener(type, event => event.preventDefault());
    }
    window.addEventListener('hashchange', () => refresh(true));
}

function start() {
    refresh();
    showUsage();
    detectSharing();
}

async function begin() {
    if (await session.begin()) {
        start();
    }
}

wireControls();
begin();
