// The rate of one transfer over time, drawn by Chart.js (global Chart, served from the WAR):
// the raw rate of each sampling interval and its 60-sample rolling average.

import {directionLabel, formatRate, formatSeconds} from './format.js';

// Uploads blue, downloads orange, in the table as in the chart.
const COLOURS = {
    UPLOAD: {line: '#1f5fbf', raw: 'rgba(31, 95, 191, 0.35)'},
    DOWNLOAD: {line: '#c24d00', raw: 'rgba(194, 77, 0, 0.35)'}
};

export class RateChart {

    constructor(canvas) {
        this.canvas = canvas;
        this.chart = null;
    }

    show(transfer, samples) {
        const colours = COLOURS[transfer.direction] || COLOURS.UPLOAD;
        const name = directionLabel(transfer.direction);
        const points = samples.length;
        // a short transfer may have a single sample: it must still be visible as a point
        const pointRadius = points < 40 ? 3 : 0;
        const datasets = [
            {
                label: `${name} rate`,
                data: samples.map(s => ({x: s.seconds, y: s.rate})),
                borderColor: colours.raw,
                backgroundColor: colours.raw,
                borderWidth: 1,
                pointRadius
            },
            {
                label: `${name} rate, rolling average of 60 samples`,
                data: samples.map(s => ({x: s.seconds, y: s.rollingAverage})),
                borderColor: colours.line,
                backgroundColor: colours.line,
                borderWidth: 2.5,
                pointRadius
            }
        ];
        if (this.chart) {
            this.chart.destroy();
        }
        this.chart = new Chart(this.canvas, {
            type: 'line',
            data: {datasets},
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                parsing: false,
                normalized: true,
                interaction: {mode: 'nearest', axis: 'x', intersect: false},
                scales: {
                    x: {
                        type: 'linear',
                        min: 0,
                        title: {display: true, text: 'Seconds since the transfer started'},
                        ticks: {callback: value => `${value} s`}
                    },
                    y: {
                        beginAtZero: true,
                        title: {display: true, text: 'Rate'},
                        ticks: {stepSize: binaryStep(maxRate(samples)), callback: value => formatRate(value)}
                    }
                },
                plugins: {
                    legend: {position: 'bottom'},
                    tooltip: {
                        callbacks: {
                            title: items => items.length ? `after ${formatSeconds(items[0].parsed.x)}` : '',
                            label: item => `${item.dataset.label}: ${formatRate(item.parsed.y)}`
                        }
                    }
                }
            }
        });
        this.canvas.setAttribute('aria-label', `${name} rate of ${transfer.path} over ${formatSeconds(
            points ? samples[points - 1].seconds : 0)}: ${points} samples, mean ${formatRate(transfer.meanRate)}`);
    }

    clear() {
        if (this.chart) {
            this.chart.destroy();
            this.chart = null;
        }
    }
}

function maxRate(samples) {
    return samples.reduce((max, s) => Math.max(max, s.rate, s.rollingAverage), 0);
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** A tick step that is round in binary units (e.g. 2 MiB/s rather than 1.9 MiB/s), at most eight steps high. */
export function binaryStep(max) {
    if (!(max > 0)) {
        return 1;
    }
    let unit = 1;
    while (max / unit >= 1024) {
        unit *= 1024;
    }
    const step = STEPS.find(s => max / (s * unit) <= 8) ?? 1024;
    return step * unit;
}
