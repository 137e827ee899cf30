// The entries of one folder as a virtualised list: however many there are, only the rows in sight
// (and a few around) exist in the document, placed in a spacer as tall as all of them. One row at a
// time is in the tab order (a roving tabindex): the arrow keys, Home, End, PageUp and PageDown move
// it, Enter opens it, and Tab goes on to that row's own buttons. Names are always set as text.

import {fileUrl} from './api.js';
import {formatBytes, formatTime} from './format.js';

const OVERSCAN = 8;
const COLLATOR = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

const COMPARE = {
    name: (a, b) => COLLATOR.compare(a.name, b.name),
    size: (a, b) => (a.size - b.size) || COLLATOR.compare(a.name, b.name),
    modified: (a, b) => (Date.parse(a.modified) - Date.parse(b.modified)) || COLLATOR.compare(a.name, b.name)
};

export class FileList {

    /**
     * actions: {open(entry), rename(entry), move(entry), share(entry), remove(entry)}; each gets the
     * entry ({name, type, size, modified, path}).
     */
    constructor(container, actions) {
        this.container = container;
        this.spacer = container.querySelector('.file-list-spacer');
        this.actions = actions;
        this.entries = [];
        this.rows = new Map();
        this.active = 0;
        this.rowHeight = 0;
        this.sortKey = 'name';
        this.descending = false;
        this.sharing = false;
        this.pending = false;
        container.addEventListener('scroll', () => this.schedule());
        // a layout change (a phone turned, a window narrowed) may change the rows' height
        window.addEventListener('resize', () => {
            const height = this.measureRow();
            if (height !== this.rowHeight) {
                this.rowHeight = height;
                this.redraw();
            }
        });
        container.addEventListener('keydown', event => this.key(event));
        container.addEventListener('click', event => this.click(event));
        container.addEventListener('focusin', event => {
            const row = event.target.closest('.file-row');
            if (row) {
                this.setActive(Number(row.dataset.index), false);
            }
        });
    }

    /** Shows a folder's entries (path: the folder's); keeps the sort. */
    show(directory, entries) {
        const base = directory === '/' ? '' : directory;
        this.entries = entries.map(e => ({...e, path: `${base}/${e.name}`}));
        this.sort();
        this.active = 0;
        this.container.scrollTop = 0;
        this.redraw();
    }

    sortBy(key, descending) {
        const activeEntry = this.entries[this.active];
        this.sortKey = key;
        this.descending = descending;
        this.sort();
        this.active = Math.max(0, this.entries.indexOf(activeEntry));
        this.redraw();
    }

    /** Whether rows get a Share button (only when the server has share links). */
    enableSharing(on) {
        this.sharing = on;
        this.redraw();
    }

    get count() {
        return this.entries.length;
    }

    /** Moves the keyboard focus into the list (to its active row). */
    focus() {
        if (this.entries.length) {
            this.setActive(this.active, true);
        }
    }

    sort() {
        const compare = COMPARE[this.sortKey];
        const sign = this.descending ? -1 : 1;
        // folders first, whichever way the files are sorted
        this.entries.sort((a, b) => (a.type === b.type ? sign * compare(a, b) : a.type === 'directory' ? -1 : 1));
    }

    redraw() {
        for (const row of this.rows.values()) {
            row.remove();
        }
        this.rows.clear();
        this.render();
    }

    schedule() {
        if (!this.pending) {
            this.pending = true;
            requestAnimationFrame(() => {
                this.pending = false;
                this.render();
            });
        }
    }

    /** Creates the rows in sight, removes those out of it. */
    render() {
        if (!this.rowHeight) {
            this.rowHeight = this.measureRow();
        }
        const height = this.rowHeight;
        this.spacer.style.height = `${this.entries.length * height}px`;
        const first = Math.max(0, Math.floor(this.container.scrollTop / height) - OVERSCAN);
        const last = Math.min(this.entries.length - 1,
            Math.ceil((this.container.scrollTop + this.container.clientHeight) / height) + OVERSCAN);
        for (const [index, row] of this.rows) {
            // the focused row stays (scrolled out of sight), so the keyboard focus is not lost
            if ((index < first || index > last) && !row.contains(document.activeElement)) {
                row.remove();
                this.rows.delete(index);
            }
        }
        for (let index = first; index <= last; index++) {
            if (!this.rows.has(index)) {
                const row = this.row(this.entries[index], index);
                row.style.top = `${index * height}px`;
                this.rows.set(index, row);
                this.spacer.append(row);
            }
        }
    }

    measureRow() {
        const probe = this.row({name: 'x', type: 'file', size: 0, modified: null, path: '/x'}, 0);
        probe.classList.add('probe');
        this.spacer.append(probe);
        const height = probe.getBoundingClientRect().height || 40;
        probe.remove();
        return height;
    }

    row(entry, index) {
        const row = document.createElement('div');
        row.className = `file-row ${entry.type}`;
        row.setAttribute('role', 'listitem');
        row.dataset.index = index;
        row.dataset.name = entry.name;
        row.dataset.type = entry.type;
        row.tabIndex = index === this.active ? 0 : -1;
        row.setAttribute('aria-label', `${entry.type === 'directory' ? 'Folder' : 'File'} ${entry.name}`);

        const name = document.createElement(entry.type === 'directory' ? 'button' : 'a');
        name.className = 'name';
        name.textContent = entry.name;
        if (entry.type === 'directory') {
            name.type = 'button';
            name.dataset.action = 'open';
        } else {
            // the server sends every file as an attachment with a safe file name
            name.href = fileUrl(entry.path).href;
            name.setAttribute('download', '');
        }
        const size = cell('size num', entry.type === 'directory' ? '' : formatBytes(entry.size));
        const modified = cell('modified', entry.modified ? formatTime(entry.modified) : '');
        const buttons = document.createElement('span');
        buttons.className = 'row-actions';
        buttons.append(actionButton('rename', 'Rename', entry.name), actionButton('move', 'Move', entry.name));
        if (this.sharing && entry.type === 'file') {
            buttons.append(actionButton('share', 'Share', entry.name));
        }
        buttons.append(actionButton('remove', 'Delete', entry.name));
        row.append(name, size, modified, buttons);
        if (index !== this.active) {
            row.querySelectorAll('a, button').forEach(control => {
                control.tabIndex = -1;
            });
        }
        return row;
    }

    setActive(index, focus) {
        if (!this.entries.length) {
            return;
        }
        const next = Math.max(0, Math.min(this.entries.length - 1, index));
        if (next !== this.active) {
            const old = this.rows.get(this.active);
            if (old) {
                setRowTabbable(old, false);
            }
            this.active = next;
        }
        if (focus) {
            const height = this.rowHeight;
            const top = next * height;
            if (top < this.container.scrollTop) {
                this.container.scrollTop = top;
            } else if (top + height > this.container.scrollTop + this.container.clientHeight) {
                this.container.scrollTop = top + height - this.container.clientHeight;
            }
            this.render();
        }
        const row = this.rows.get(next);
        if (row) {
            setRowTabbable(row, true);
            if (focus) {
                row.focus({preventScroll: true});
            }
        }
    }

    key(event) {
        const row = event.target.closest('.file-row');
        if (!row) {
            return;
        }
        const index = Number(row.dataset.index);
        const page = Math.max(1, Math.floor(this.container.clientHeight / this.rowHeight) - 1);
        const moves = {
            ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: this.entries.length - 1,
            PageDown: index + page, PageUp: index - page
        };
        if (event.key in moves && event.target === row) {
            event.preventDefault();
            this.setActive(moves[event.key], true);
        } else if (event.key === 'Enter' && event.target === row) {
            event.preventDefault();
            this.open(this.entries[index], row);
        } else if (event.key === 'Delete' && event.target === row) {
            event.preventDefault();
            this.actions.remove(this.entries[index]);
        }
    }

    click(event) {
        const control = event.target.closest('[data-action]');
        const row = event.target.closest('.file-row');
        if (!control || !row) {
            return;
        }
        const entry = this.entries[Number(row.dataset.index)];
        const action = control.dataset.action;
        if (action === 'open') {
            this.actions.open(entry);
        } else {
            this.actions[action](entry);
        }
    }

    open(entry, row) {
        if (entry.type === 'directory') {
            this.actions.open(entry);
        } else {
            row.querySelector('a.name').click();
        }
    }
}

function cell(className, text) {
    const span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    return span;
}

function actionButton(action, label, name) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = action;
    button.textContent = label;
    button.setAttribute('aria-label', `${label} ${name}`);
    return button;
}

function setRowTabbable(row, on) {
    row.tabIndex = on ? 0 : -1;
    row.querySelectorAll('a, button').forEach(control => {
        control.tabIndex = on ? 0 : -1;
    });
}
