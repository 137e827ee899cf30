// Numbers and times for people: binary units, local time.

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes) {
    if (bytes === null || bytes === undefined || Number.isNaN(bytes)) {
        return '–';
    }
    if (Math.abs(bytes) < 1024) {
        return `${Math.round(bytes)} B`;
    }
    let value = bytes;
    let unit = -1;
    while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond) {
    if (bytesPerSecond === null || bytesPerSecond === undefined || Number.isNaN(bytesPerSecond)) {
        return '–';
    }
    return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatSeconds(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
        return '–';
    }
    if (seconds < 10) {
        return `${seconds.toFixed(2)} s`;
    }
    if (seconds < 120) {
        return `${seconds.toFixed(1)} s`;
    }
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

const TIME = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit'
});

/** An ISO instant from the server, shown in the browser's time zone. */
export function formatTime(iso) {
    if (!iso) {
        return '–';
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

export function secondsBetween(startIso, endIso) {
    return (new Date(endIso).getTime() - new Date(startIso).getTime()) / 1000;
}

export function directionLabel(direction) {
    return direction === 'UPLOAD' ? 'Upload' : direction === 'DOWNLOAD' ? 'Download' : direction;
}

export function outcomeLabel(outcome) {
    return outcome ? outcome.charAt(0) + outcome.slice(1).toLowerCase() : 'In progress';
}
