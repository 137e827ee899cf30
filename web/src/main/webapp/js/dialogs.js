// Modal dialogs (the <dialog> element: focus moves in, Escape cancels, focus goes back): a
// confirmation, a name or path to type, and the share dialog.

import {api} from './api.js';
import {formatTime} from './format.js';

const DAY_MILLIS = 24 * 60 * 60 * 1000;

// Cancel and Close are plain buttons: Enter in a field submits with the dialog's OK button instead
document.addEventListener('click', event => {
    const button = event.target.closest('dialog button[data-close]');
    if (button) {
        button.closest('dialog').close('cancel');
    }
});

/** Resolves true when the person confirms. */
export function confirmAction(title, text, okLabel) {
    const dialog = document.getElementById('confirm-dialog');
    document.getElementById('confirm-title').textContent = title;
    document.getElementById('confirm-text').textContent = text;
    document.getElementById('confirm-ok').textContent = okLabel;
    dialog.returnValue = 'cancel';
    dialog.showModal();
    document.getElementById('confirm-ok').focus();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'),
        {once: true}));
}

/**
 * Asks for a text; validate(text) answers an error message or null. Resolves the text, or null
 * when cancelled.
 */
export function askText(title, label, initial, validate) {
    const dialog = document.getElementById('name-dialog');
    const input = document.getElementById('name-input');
    const error = document.getElementById('name-error');
    document.getElementById('name-title').textContent = title;
    document.getElementById('name-label').textContent = label;
    input.value = initial;
    error.textContent = '';
    dialog.returnValue = 'cancel';
    const form = dialog.querySelector('form');
    const check = event => {
        if (event.submitter && event.submitter.value === 'ok') {
            const problem = validate(input.value.trim());
            if (problem) {
                event.preventDefault();
                error.textContent = problem;
                input.focus();
            }
        }
    };
    form.addEventListener('submit', check);
    dialog.showModal();
    input.select();
    return new Promise(resolve => dialog.addEventListener('close', () => {
        form.removeEventListener('submit', check);
        resolve(dialog.returnValue === 'ok' ? input.value.trim() : null);
    }, {once: true}));
}

/** The share dialog: makes a link to one file, lists the file's links, revokes them. */
export class ShareDialog {

    constructor() {
        this.dialog = document.getElementById('share-dialog');
        this.error = document.getElementById('share-error');
        this.list = document.getElementById('share-list');
        this.result = document.getElementById('share-result');
        this.path = null;
        document.getElementById('share-create').addEventListener('click', () => this.create());
        this.list.addEventListener('click', event => {
            const button = event.target.closest('button[data-link]');
            if (button) {
                this.revoke(button.dataset.link);
            }
        });
    }

    open(path) {
        this.path = path;
        document.getElementById('share-path').textContent = path;
        document.getElementById('share-password').value = '';
        this.error.textContent = '';
        this.result.hidden = true;
        this.dialog.showModal();
        this.refresh();
    }

    async create() {
        const days = Number(document.getElementById('share-expiry').value);
        const expiresAt = new Date(Date.now() + days * DAY_MILLIS).toISOString();
        const password = document.getElementById('share-password').value;
        this.error.textContent = '';
        try {
            const link = await api.share(this.path, expiresAt, password || undefined);
            const url = document.getElementById('share-url');
            url.value = link.url;
            document.getElementById('share-expires').textContent = `Valid until ${formatTime(link.expiresAt)}`
                + (password ? ', with a password.' : '.');
            this.result.hidden = false;
            url.focus();
            url.select();
            this.refresh();
        } catch (e) {
            this.error.textContent = `Cannot make a link: ${e.message}`;
        }
    }

    /** link: the link's id (the list shows no tokens: the server keeps only their hashes) */
    async revoke(link) {
        try {
            await api.revokeShare(link);
            this.refresh();
        } catch (e) {
            this.error.textContent = `Cannot revoke the link: ${e.message}`;
        }
    }

    async refresh() {
        try {
            const answer = await api.shares();
            const links = answer.items.filter(link => link.path === this.path);
            this.list.replaceChildren(...links.map(link => shareItem(link)));
            if (!links.length) {
                const none = document.createElement('li');
                none.className = 'muted';
                none.textContent = 'No links yet.';
                this.list.append(none);
            }
        } catch (e) {
            this.error.textContent = `Cannot list the links: ${e.message}`;
        }
    }
}

/** One of the file's links: {id, createdAt, expiresAt, passwordProtected} (the URL is shown once, when made). */
function shareItem(link) {
    const item = document.createElement('li');
    item.dataset.link = link.id;
    const expired = Date.parse(link.expiresAt) <= Date.now();
    const text = document.createElement('span');
    text.textContent = `Made ${formatTime(link.createdAt)}, ${expired ? 'expired' : 'valid until'} `
        + `${formatTime(link.expiresAt)}${link.passwordProtected ? ', with a password' : ''} `;
    const revoke = document.createElement('button');
    revoke.type = 'button';
    revoke.dataset.link = link.id;
    revoke.textContent = 'Revoke';
    revoke.setAttribute('aria-label', `Revoke the link made ${formatTime(link.createdAt)}`);
    item.append(text, revoke);
    return item;
}
