// Wires the page together and keeps it live: one poll of the stats, the recent transfers and the
// transfers in progress every two seconds (never two polls at once). On a server with accounts the
// page first asks who is logged in, and shows the login form instead while nobody is.

import {api} from './api.js';
import {formatTime} from './format.js';
import {renderStats, showStatsError} from './stats-view.js';
import {TransfersView} from './transfers-view.js';
import {DetailView} from './detail-view.js';
import {SessionView, UNAUTHORIZED} from './session-view.js';

const POLL_MILLIS = 2000;
const PAGE_SIZE = 50;

const statsTable = document.getElementById('stats');
const filtersForm = document.getElementById('filters');
const count = document.getElementById('transfers-count');
const status = document.getElementById('status');
const transfers = new TransfersView(document.getElementById('transfers'), select);
const detail = new DetailView(document.getElementById('detail'));
const session = new SessionView(start, stop);

let selectedId = null;
let live = [];
let timer = null;
let polling = false;
let pollAgain = false;
let lastStatus = null;
let stopped = false;

function filters() {
    const form = new FormData(filtersForm);
    return {
        direction: form.get('direction'),
        outcome: form.get('outcome'),
        path: form.get('path').trim()
    };
}

/** The server filters finished transfers; those in progress are filtered here alike. */
function liveMatches(transfer, wanted) {
    return !wanted.outcome
        && (!wanted.direction || transfer.direction === wanted.direction)
        && (!wanted.path || transfer.path.startsWith(wanted.path));
}

function select(id) {
    selectedId = id;
    transfers.select(id);
    // the address names the chosen transfer, so it can be bookmarked or shared
    history.replaceState(null, '', `#transfer=${encodeURIComponent(id)}`);
    showSelected();
    document.getElementById('detail').scrollIntoView({block: 'nearest'});
}

function selectionFromAddress() {
    const match = /^#transfer=(.+)$/.exec(location.hash);
    if (match) {
        selectedId = decodeURIComponent(match[1]);
        transfers.select(selectedId);
    }
}

function showSelected() {
    if (!selectedId) {
        return;
    }
    const running = live.find(t => t.id === selectedId);
    if (running) {
        detail.showLive(running);
        return;
    }
    detail.showFinished(selectedId).catch(e => detail.showError(`Cannot load this transfer: ${e.message}`));
}

function report(text, isError) {
    if (text !== lastStatus) {
        status.textContent = text;
        status.classList.toggle('error', isError);
        lastStatus = text;
    }
}

async function poll() {
    if (polling) {
        pollAgain = true;
        return;
    }
    polling = true;
    const wanted = filters();
    const [stats, page, running] = await Promise.allSettled([
        api.stats(),
        api.transfers({...wanted, limit: PAGE_SIZE}),
        api.live()
    ]);
    polling = false;
    if (stopped) {
        return;
    }
    const rejected = [stats, page, running].filter(r => r.status === 'rejected').map(r => r.reason);
    if (rejected.some(e => e.status === UNAUTHORIZED)) {
        stop();
        session.showLogin('Your session has ended. Please log in again.');
        return;
    }
    const failures = rejected.map(e => e.message);
    if (stats.status === 'fulfilled') {
        renderStats(statsTable, stats.value);
    } else {
        showStatsError(statsTable, 'The figures cannot be loaded.');
    }
    if (page.status === 'fulfilled') {
        live = running.status === 'fulfilled' ? running.value.filter(t => liveMatches(t, wanted)) : [];
        transfers.render(live, page.value.items);
        count.textContent = countText(page.value, live.length);
        showSelected();
    } else {
        transfers.showError('The transfers cannot be loaded.');
    }
    report(failures.length ? `Not up to date: ${[...new Set(failures)].join('; ')}. Trying again…`
        : 'Live: updated every 2 seconds.', failures.length > 0);
    schedule(pollAgain ? 0 : POLL_MILLIS);
    pollAgain = false;
}

function countText(page, running) {
    const finished = page.total > page.items.length
        ? `the newest ${page.items.length} of ${page.total} finished transfers`
        : `${page.total} finished transfer${page.total === 1 ? '' : 's'}`;
    const text = running ? `${running} in progress, ${finished}` : finished;
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function schedule(delay) {
    clearTimeout(timer);
    if (!stopped) {
        timer = setTimeout(poll, delay);
    }
}

function start() {
    stopped = false;
    showServerInfo();
    poll();
}

function stop() {
    stopped = true;
    clearTimeout(timer);
    report('', false);
}

async function begin() {
    if (await session.begin()) {
        start();
    }
}

async function showServerInfo() {
    const element = document.getElementById('server-info');
    try {
        const info = await api.info();
        const listeners = [
            info.protocolPort == null ? null : `protocol on ${info.bindAddress}:${info.protocolPort}`,
            info.tlsPort == null ? null : `TLS on ${info.bindAddress}:${info.tlsPort}`,
        ].filter(Boolean).join(' · ') || 'no protocol listener';
        element.textContent = `FileDock ${info.version} · ${listeners}`
            + ` · running since ${formatTime(info.startedAt)}`;
    } catch (e) {
        element.textContent = `Server facts unavailable: ${e.message}`;
    }
}

filtersForm.addEventListener('submit', event => event.preventDefault());
filtersForm.addEventListener('change', () => schedule(0));
filtersForm.addEventListener('input', () => schedule(300));

// a transfer's link (#transfer=<id>) opened while the page is open chooses it too
window.addEventListener('hashchange', () => {
    selectionFromAddress();
    showSelected();
});

selectionFromAddress();
begin();
