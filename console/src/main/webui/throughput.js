/**
 * Throughput and ETA of transfers seen through successive polls: each sample is (bytes done, bytes expected) at the
 * time it was read; the rate is smoothed over samples so one late poll does not make the ETA jump. The agent reports
 * about once a second, so a poll that finds no change is not a stall: the rate falls only when nothing has changed
 * for {@code stallMillis}.
 */
export class ThroughputTracker {
  constructor(smoothing = 0.5, stallMillis = 3000) {
    this.smoothing = smoothing;
    this.stallMillis = stallMillis;
    this.samples = new Map();
  }

  /** Records {@code done} bytes for {@code key} at {@code atMillis}; returns {rate (bytes/s), eta (s)} or nulls. */
  observe(key, done, expected, atMillis) {
    const previous = this.samples.get(key);
    if (previous && done === previous.done && atMillis - previous.at < this.stallMillis) {
      return { rate: previous.rate, eta: etaOf(previous.rate, done, expected) };
    }
    let rate = previous?.rate ?? null;
    if (previous && atMillis > previous.at && done >= previous.done) {
      const current = ((done - previous.done) * 1000) / (atMillis - previous.at);
      rate = rate === null ? current : this.smoothing * current + (1 - this.smoothing) * rate;
    }
    this.samples.set(key, { done, at: atMillis, rate });
    return { rate, eta: etaOf(rate, done, expected) };
  }
}

function etaOf(rate, done, expected) {
  return rate > 0 ? Math.max(0, (expected ?? 0) - done) / rate : null;
}
