// Uploads with a progress bar each: PUT /api/files/{path} through XMLHttpRequest (fetch cannot
// report upload progress). Every non-empty file goes as a resumable upload (a FileDock extension,
// docs/web.md): a PUT with "Content-Range: bytes 0-(n-1)/n", whose bytes the server keeps if the
// connection drops. After a network error, a 408, a 423 (the cut part has not ended on the server
// yet) or a 5xx other than 507, the page waits (1, 2, 4, 8, 16 s), asks where to go on
// ("Content-Range: bytes */n") and sends only the rest; the bar goes on from there. A 409 with
// "Upload-Offset" says where the server's bytes end: if this page sent bytes of the file, the next
// part begins there; if not, they are an earlier upload's, perhaps of another file, and are
// dropped ("DELETE" with "Content-Range: bytes */n") before the whole file goes. Refusals (403,
// 507 quota, ...) are not retried.

import {HEADERS, fileUrl} from './api.js';
import {formatBytes} from './format.js';

const PARALLEL = 2;
const RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000];
/** How often in a row the server may name another offset before the upload gives up. */
const MAX_OFFSET_CONFLICTS = 3;

export class Uploads {

    /** onFinished(directory): after each upload that changed a folder; onUnauthorized: the session ended */
    constructor(list, onFinished, onUnauthorized) {
        this.list = list;
        this.onFinished = onFinished;
        this.onUnauthorized = onUnauthorized;
        this.queue = [];
        this.running = 0;
    }

    /** Uploads the files (a FileList or array of File) into the folder (a path such as "/docs"). */
    add(files, directory) {
        const base = directory === '/' ? '' : directory;
        for (const file of files) {
            const item = new UploadItem(file, `${base}/${file.name}`, directory);
            this.list.prepend(item.element);
            this.queue.push(item);
        }
        this.next();
    }

    next() {
        while (this.running < PARALLEL && this.queue.length) {
            const item = this.queue.shift();
            this.running++;
            this.run(item).finally(() => {
                this.running--;
                this.next();
            });
        }
    }

    async run(item) {
        let result = await item.send(0);
        let retries = 0;
        let conflicts = 0;
        while (!result.ok) {
            if (result.status === 401) {
                item.fail('your session has ended; log in and upload it again');
                this.onUnauthorized();
                return;
            }
            if (result.offset !== undefined && conflicts++ < MAX_OFFSET_CONFLICTS) {
                result = item.sentBytes ? await item.send(result.offset) : await item.startOver();
                continue;
            }
            if (!result.retry || retries >= RETRY_DELAYS.length) {
                item.fail(result.message);
                return;
            }
            const delay = RETRY_DELAYS[retries++];
            item.waiting(`${result.message}; going on in ${delay / 1000} s (try ${retries + 1} of ${RETRY_DELAYS.length + 1})`);
            await new Promise(resolve => setTimeout(resolve, delay));
            const held = await item.askOffset();
            if (!held.ok) {
                result = held;
            } else if (held.offset > 0 && !item.sentBytes) {
                result = await item.startOver(); // bytes this page did not send: perhaps another file's
            } else {
                result = await item.send(held.offset);
            }
        }
        item.done();
        this.onFinished(item.directory);
    }
}

class UploadItem {

    constructor(file, path, directory) {
        this.file = file;
        this.path = path;
        this.directory = directory;
        /** Whether this page has sent bytes of the file: then what the server holds of it is ours. */
        this.sentBytes = false;
        this.element = document.createElement('li');
        this.element.className = 'upload';
        this.element.dataset.path = path;
        this.element.dataset.state = 'queued';
        const name = document.createElement('span');
        name.className = 'upload-name';
        name.textContent = path;
        this.progress = document.createElement('progress');
        this.progress.max = Math.max(1, file.size);
        this.progress.value = 0;
        this.progress.setAttribute('aria-label', `Upload of ${file.name}`);
        this.text = document.createElement('span');
        this.text.className = 'upload-state muted';
        this.text.textContent = 'waiting';
        this.element.append(name, this.progress, this.text);
    }

    /** Whether the upload goes in resumable parts: an empty file has no byte range to name. */
    get resumable() {
        return this.file.size > 0;
    }

    /**
     * One PUT of the file from byte {@code from} to its end; resolves {ok}, or {status, message,
     * retry} and, when the server names where its bytes end (409), {offset}.
     */
    send(from) {
        const size = this.file.size;
        this.element.dataset.state = 'sending';
        this.element.classList.remove('failed');
        this.showLoaded(from);
        return new Promise(resolve => {
            const request = new XMLHttpRequest();
            request.open('PUT', fileUrl(this.path));
            for (const [name, value] of Object.entries(HEADERS)) {
                request.setRequestHeader(name, value);
            }
            request.setRequestHeader('Content-Type', 'application/octet-stream');
            if (this.resumable) {
                request.setRequestHeader('Content-Range', `bytes ${from}-${size - 1}/${size}`);
            }
            request.upload.addEventListener('progress', event => {
                this.sentBytes ||= event.loaded > 0;
                this.showLoaded(from + event.loaded);
            });
            request.addEventListener('load', () => {
                const status = request.status;
                if (status === 201 || status === 204) {
                    resolve({ok: true});
                    return;
                }
                const result = {ok: false, status, message: problemText(request), retry: isPassing(status)};
                const offset = request.getResponseHeader('Upload-Offset');
                if (status === 409 && offset !== null && /^\d+$/.test(offset)) {
                    result.offset = Number(offset);
                }
                resolve(result);
            });
            request.addEventListener('error', () => resolve({ok: false, status: 0,
                message: 'the connection was lost', retry: true}));
            request.addEventListener('timeout', () => resolve({ok: false, status: 0,
                message: 'the server did not answer', retry: true}));
            request.send(from === 0 ? this.file : this.file.slice(from));
        });
    }

    /**
     * Bytes held on the server that this page did not send (an earlier, broken upload to the same
     * path of a file of the same size) may be another file's: drop them and send the whole file.
     */
    async startOver() {
        try {
            const response = await fetch(fileUrl(this.path), {method: 'DELETE', cache: 'no-store',
                credentials: 'same-origin', headers: {...HEADERS, 'Content-Range': `bytes */${this.file.size}`}});
            if (!response.ok && response.status !== 404) {
                return {ok: false, status: response.status, message: problemMessage(response.status, await response.text()),
                    retry: isPassing(response.status)};
            }
        } catch (e) {
            return {ok: false, status: 0, message: 'the connection was lost', retry: true};
        }
        return this.send(0);
    }

    /** Where the server's bytes of this upload end; resolves {ok, offset} or a failure as {@link send}'s. */
    async askOffset() {
        if (!this.resumable) {
            return {ok: true, offset: 0};
        }
        let response;
        try {
            response = await fetch(fileUrl(this.path), {method: 'PUT', cache: 'no-store', credentials: 'same-origin',
                headers: {...HEADERS, 'Content-Range': `bytes */${this.file.size}`}});
        } catch (e) {
            return {ok: false, status: 0, message: 'the connection was lost', retry: true};
        }
        if (!response.ok) {
            return {ok: false, status: response.status, message: problemMessage(response.status, await response.text()),
                retry: isPassing(response.status)};
        }
        const held = await response.json();
        return {ok: true, offset: held.offset};
    }

    showLoaded(loaded) {
        this.progress.value = loaded;
        this.element.dataset.loaded = loaded;
        this.text.textContent = `${formatBytes(loaded)} of ${formatBytes(this.file.size)}`;
    }

    done() {
        this.element.dataset.state = 'done';
        this.progress.value = this.progress.max;
        this.text.textContent = `${formatBytes(this.file.size)} uploaded`;
    }

    waiting(message) {
        this.element.dataset.state = 'retrying';
        this.text.textContent = message;
    }

    fail(message) {
        this.element.dataset.state = 'failed';
        this.element.classList.add('failed');
        this.text.textContent = `failed: ${message}`;
    }
}

/** A failure that may pass: a timeout, BUSY (the cut part still ending on the server), a 5xx but 507. */
function isPassing(status) {
    return status === 408 || status === 423 || (status >= 500 && status !== 507);
}

function problemText(request) {
    return problemMessage(request.status, request.responseText);
}

function problemMessage(status, body) {
    try {
        const problem = JSON.parse(body);
        return problem.code ? `${problem.code} ${problem.detail}` : problem.detail || `HTTP ${status}`;
    } catch (e) {
        return `HTTP ${status}`;
    }
}
