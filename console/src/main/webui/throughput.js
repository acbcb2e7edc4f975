/**
 * Throughput and ETA of transfers seen through successive polls: each sample is (bytes done, bytes expected) at the
 * time it was read; the rate is smoothed over samples so one late poll does not make the ETA jump.
 */
export class ThroughputTracker {
  constructor(smoothing = 0.5) {
    this.smoothing = smoothing;
    this.samples = new Map();
  }

  /** Records {@code done} bytes for {@code key} at {@code atMillis}; returns {rate (bytes/s), eta (s)} or nulls. */
  observe(key, done, expected, atMillis) {
    const previous = this.samples.get(key);
    let rate = previous?.rate ?? null;
    if (previous && atMillis > previous.at && done >= previous.done) {
      const current = ((done - previous.done) * 1000) / (atMillis - previous.at);
      rate = rate === null ? current : this.smoothing * current + (1 - this.smoothing) * rate;
    }
    this.samples.set(key, { done, at: atMillis, rate });
    const remaining = Math.max(0, (expected ?? 0) - done);
    const eta = rate > 0 ? remaining / rate : null;
    return { rate, eta };
  }
}
