// Uploads with a progress bar each: PUT /api/files/{path} through XMLHttpRequest (fetch cannot
// report upload progress). A PUT cannot resume, so an upload cut by the network (or a 408, or a
// 5xx other than 507) is sent again from the first byte, by itself, after 1, 2 and 4 seconds; the
// server replaces the file only when a whole body arrived, so a cut try leaves nothing behind.
// Refusals (403, 409, 507 quota, ...) are not retried.

import {HEADERS, fileUrl} from './api.js';
import {formatBytes} from './format.js';

const PARALLEL = 2;
const RETRY_DELAYS = [1000, 2000, 4000];

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
        for (let attempt = 0; ; attempt++) {
            const result = await item.send();
            if (result.ok) {
                item.done();
                this.onFinished(item.directory);
                return;
            }
            if (result.status === 401) {
                item.fail('your session has ended; log in and upload it again');
                this.onUnauthorized();
                return;
            }
            if (!result.retry || attempt >= RETRY_DELAYS.length) {
                item.fail(result.message);
                return;
            }
            const delay = RETRY_DELAYS[attempt];
            item.waiting(`${result.message}; trying again from the start in ${delay / 1000} s `
                + `(try ${attempt + 2} of ${RETRY_DELAYS.length + 1})`);
            await new Promise(resolve => setTimeout(resolve, delay));
        }
    }
}

class UploadItem {

    constructor(file, path, directory) {
        this.file = file;
        this.path = path;
        this.directory = directory;
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

    /** One PUT of the whole file; resolves {ok} or {status, message, retry}. */
    send() {
        this.element.dataset.state = 'sending';
        this.element.classList.remove('failed');
        this.progress.value = 0;
        this.text.textContent = `0 of ${formatBytes(this.file.size)}`;
        return new Promise(resolve => {
            const request = new XMLHttpRequest();
            request.open('PUT', fileUrl(this.path));
            for (const [name, value] of Object.entries(HEADERS)) {
                request.setRequestHeader(name, value);
            }
            request.setRequestHeader('Content-Type', 'application/octet-stream');
            request.upload.addEventListener('progress', event => {
                this.progress.value = event.loaded;
                this.element.dataset.loaded = event.loaded;
                this.text.textContent = `${formatBytes(event.loaded)} of ${formatBytes(this.file.size)}`;
            });
            request.addEventListener('load', () => {
                const status = request.status;
                if (status === 201 || status === 204) {
                    resolve({ok: true});
                } else {
                    resolve({ok: false, status, message: problemText(request), retry: status === 408
                            || (status >= 500 && status !== 507)});
                }
            });
            request.addEventListener('error', () => resolve({ok: false, status: 0,
                message: 'the connection was lost', retry: true}));
            request.addEventListener('timeout', () => resolve({ok: false, status: 0,
                message: 'the server did not answer', retry: true}));
            request.send(this.file);
        });
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

function problemText(request) {
    try {
        const problem = JSON.parse(request.responseText);
        return problem.code ? `${problem.code} ${problem.detail}` : problem.detail || `HTTP ${request.status}`;
    } catch (e) {
        return `HTTP ${request.status}`;
    }
}
