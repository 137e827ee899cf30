// The per-direction figures at the top of the page.

import {directionLabel, formatBytes, formatRate, formatTime} from './format.js';

const DIRECTIONS = ['UPLOAD', 'DOWNLOAD'];

export function renderStats(table, stats) {
    const byDirection = new Map((stats.directions || []).map(d => [d.direction, d]));
    const rows = DIRECTIONS.map(direction => statsRow(direction, byDirection.get(direction)));
    table.tBodies[0].replaceChildren(...rows);
    table.caption.textContent = `Transfers per direction from ${formatTime(stats.since)} to ${formatTime(stats.until)}`;
}

/** Keeps figures already shown; replaces only the loading line. */
export function showStatsError(table, text) {
    if (!table.tBodies[0].querySelector('tr[data-direction]')) {
        const row = document.createElement('tr');
        const cell = document.createElement('td');
        cell.colSpan = 7;
        cell.className = 'muted';
        cell.textContent = text;
        row.append(cell);
        table.tBodies[0].replaceChildren(row);
    }
}

function statsRow(direction, figures) {
    const row = document.createElement('tr');
    row.dataset.direction = direction;
    const header = document.createElement('th');
    header.scope = 'row';
    header.className = `direction ${direction.toLowerCase()}`;
    header.textContent = directionLabel(direction) + 's';
    row.append(header);
    const empty = !figures || figures.count === 0;
    const values = [
        figures ? String(figures.count) : '0',
        figures ? formatBytes(figures.bytes) : formatBytes(0),
        empty ? '–' : formatRate(figures.meanRate),
        empty ? '–' : formatRate(figures.medianRate),
        empty ? '–' : formatRate(figures.p95Rate),
        figures ? String(figures.aborted) : '0'
    ];
    for (const value of values) {
        const cell = document.createElement('td');
        cell.className = 'num';
        cell.textContent = value;
        row.append(cell);
    }
    return row;
}
