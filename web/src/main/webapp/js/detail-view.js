// The selected transfer: its figures and its rate chart.

import {api} from './api.js';
import {
    directionLabel, formatBytes, formatRate, formatSeconds, formatTime, outcomeLabel
} from './format.js';
import {RateChart} from './rate-chart.js';

export class DetailView {

    constructor(section) {
        this.section = section;
        this.heading = section.querySelector('h2');
        this.summary = section.querySelector('dl');
        this.note = section.querySelector('#detail-note');
        this.chart = new RateChart(section.querySelector('canvas'));
        this.id = null;
        this.charted = null;
        this.loading = null;
    }

    /** A transfer still running: its figures now, its chart once it has ended. */
    showLive(transfer) {
        this.prepare(transfer.id);
        this.heading.textContent = `${directionLabel(transfer.direction)} of ${transfer.path}, in progress`;
        this.summary.replaceChildren(...entries([
            ['Client', transfer.clientAddress],
            ['Started', formatTime(transfer.startedAt)],
            ['Moved', `${formatBytes(transfer.bytesMoved)} of ${formatBytes(transfer.declaredSize)}`],
            ['Current rate', formatRate(transfer.currentRate)]
        ]));
        this.note.textContent = 'The chart is drawn when the transfer has ended.';
        this.chart.clear();
    }

    /** Loads a finished transfer and its samples, unless its chart is shown already. */
    async showFinished(id) {
        if (this.charted === id || this.loading === id) {
            return;
        }
        this.prepare(id);
        this.loading = id;
        let transfer;
        let samples;
        try {
            [transfer, samples] = await Promise.all([api.transfer(id), api.samples(id)]);
        } finally {
            this.loading = null;
        }
        if (this.id !== id) {
            return;
        }
        this.heading.textContent = `${directionLabel(transfer.direction)} of ${transfer.path}`;
        this.summary.replaceChildren(...entries([
            ['Outcome', outcomeLabel(transfer.outcome)],
            ['Client', transfer.clientAddress],
            ['Started', formatTime(transfer.startedAt)],
            ['Ended', formatTime(transfer.endedAt)],
            ['Duration', formatSeconds(transfer.durationSeconds)],
            ['Moved', `${formatBytes(transfer.bytesMoved)} of ${formatBytes(transfer.declaredSize)}`],
            ['Mean rate', formatRate(transfer.meanRate)],
            ['Peak rate', formatRate(transfer.peakRate)],
            ['Samples', String(transfer.sampleCount)]
        ]));
        this.note.textContent = samples.length ? '' : 'No samples were recorded for this transfer.';
        this.chart.show(transfer, samples);
        this.charted = id;
        this.section.dataset.chartPoints = String(samples.length);
    }

    showError(text) {
        this.note.textContent = text;
    }

    prepare(id) {
        if (this.id !== id) {
            this.charted = null;
            delete this.section.dataset.chartPoints;
        }
        this.id = id;
        this.section.dataset.transferId = id;
        this.section.hidden = false;
    }
}

/** Term and value pairs, each in a div (allowed in a dl) so the grid keeps them together. */
function entries(pairs) {
    return pairs.map(([term, value]) => {
        const group = document.createElement('div');
        const dt = document.createElement('dt');
        dt.textContent = term;
        const dd = document.createElement('dd');
        dd.textContent = value === undefined || value === null ? '–' : value;
        group.append(dt, dd);
        return group;
    });
}
