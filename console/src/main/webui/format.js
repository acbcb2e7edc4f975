const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function bytes(value) {
  if (value === undefined || value === null) {
    return '–';
  }
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < UNITS.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${amount.toFixed(unit === 0 ? 0 : 1)} ${UNITS[unit]}`;
}

export function rate(bytesPerSecond) {
  return bytesPerSecond > 0 ? `${bytes(bytesPerSecond)}/s` : '–';
}

export function duration(seconds) {
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds) || seconds < 0) {
    return '–';
  }
  const whole = Math.round(seconds);
  if (whole < 60) {
    return `${whole}s`;
  }
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) {
    return `${minutes}m ${whole % 60}s`;
  }
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** An epoch-seconds field (start_time, end_time) or one of Eve's RFC 1123 dates (_created). */
export function time(value) {
  if (value === undefined || value === null || value === '') {
    return '–';
  }
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function ago(value) {
  if (!value) {
    return 'never';
  }
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  const seconds = (Date.now() - date.getTime()) / 1000;
  return seconds < 1 ? 'just now' : `${duration(seconds)} ago`;
}

export function percent(done, total) {
  if (!total) {
    return 0;
  }
  return Math.max(0, Math.min(100, Math.floor((done * 100) / total)));
}
