// The table of recent transfers: rows keyed by transfer id and updated in place, so a poll
// neither flickers nor takes the keyboard focus away from the row a person is on.

import {
    directionLabel, formatBytes, formatRate, formatSeconds, formatTime, outcomeLabel, secondsBetween
} from './format.js';

const COLUMNS = 9;

export class TransfersView {

    constructor(table, onSelect) {
        this.body = table.tBodies[0];
        this.rows = new Map();
        this.selectedId = null;
        this.body.addEventListener('click', event => {
            const row = event.target.closest('tr[data-id]');
            if (row) {
                event.preventDefault();
                onSelect(row.dataset.id);
            }
        });
    }

    /** live: transfers in progress (shown first); finished: newest first. */
    render(live, finished, now = new Date()) {
        const wanted = [
            ...live.map(t => ({id: t.id, transfer: t, live: true})),
            ...finished.filter(t => !live.some(l => l.id === t.id)).map(t => ({id: t.id, transfer: t, live: false}))
        ];
        if (wanted.length === 0) {
            this.rows.clear();
            this.body.replaceChildren(messageRow('No transfers yet.'));
            return;
        }
        const keep = new Set(wanted.map(w => w.id));
        for (const [id, row] of this.rows) {
            if (!keep.has(id)) {
                row.remove();
                this.rows.delete(id);
            }
        }
        [...this.body.querySelectorAll('tr:not([data-id])')].forEach(row => row.remove());
        wanted.forEach((entry, index) => {
            let row = this.rows.get(entry.id);
            if (!row) {
                row = newRow(entry.id);
                this.rows.set(entry.id, row);
            }
            fill(row, entry.transfer, entry.live, now);
            row.classList.toggle('selected', entry.id === this.selectedId);
            row.toggleAttribute('aria-current', entry.id === this.selectedId);
            if (this.body.children[index] !== row) {
                this.body.insertBefore(row, this.body.children[index] || null);
            }
        });
    }

    select(id) {
        this.selectedId = id;
        for (const [rowId, row] of this.rows) {
            row.classList.toggle('selected', rowId === id);
            row.toggleAttribute('aria-current', rowId === id);
        }
    }

    showError(text) {
        if (this.rows.size === 0) {
            this.body.replaceChildren(messageRow(text));
        }
    }
}

function messageRow(text) {
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = COLUMNS;
    cell.className = 'muted';
    cell.textContent = text;
    row.append(cell);
    return row;
}

function newRow(id) {
    const row = document.createElement('tr');
    row.dataset.id = id;
    for (let i = 0; i < COLUMNS; i++) {
        row.append(document.createElement('td'));
    }
    // The path is a link to the transfer's chart (#transfer=<id>, to bookmark or send), so the row can be
    // chosen from the keyboard as well as by a click anywhere on it.
    const link = document.createElement('a');
    link.className = 'row-link';
    link.href = `#transfer=${encodeURIComponent(id)}`;
    row.cells[2].append(link);
    [4, 5, 6, 7].forEach(i => row.cells[i].classList.add('num'));
    return row;
}

function fill(row, t, live, now) {
    const direction = t.direction.toLowerCase();
    row.dataset.path = t.path;
    row.dataset.direction = t.direction;
    row.dataset.state = live ? 'LIVE' : t.outcome;
    row.classList.toggle('live', live);
    const cells = row.cells;
    cells[0].textContent = formatTime(t.startedAt);
    cells[1].textContent = directionLabel(t.direction);
    cells[1].className = `direction ${direction}`;
    const link = cells[2].firstElementChild;
    link.textContent = t.path;
    link.setAttribute('aria-label', `Show the rate chart of the ${directionLabel(t.direction).toLowerCase()} of ${t.path}`);
    cells[3].textContent = t.clientAddress || '–';
    cells[4].textContent = formatBytes(t.declaredSize);
    cells[5].textContent = live && t.declaredSize > 0
        ? `${formatBytes(t.bytesMoved)} (${Math.floor(t.bytesMoved * 100 / t.declaredSize)} %)`
        : formatBytes(t.bytesMoved);
    const end = live ? now.toISOString() : t.endedAt;
    cells[6].textContent = formatSeconds(Math.max(0, secondsBetween(t.startedAt, end)));
    cells[7].textContent = formatRate(live ? t.currentRate : t.meanRate);
    cells[7].title = live ? 'current rate' : 'mean rate';
    cells[8].textContent = live ? 'In progress' : outcomeLabel(t.outcome);
    cells[8].className = `outcome ${live ? 'live' : t.outcome.toLowerCase()}`;
}
