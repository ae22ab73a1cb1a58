package io.vertebra.kit.ops;

/**
 * Something that reports metrics on every scrape of {@code /metrics}. Sources read live counters and gauges when
 * asked; they keep nothing per scrape, and writing must be cheap (no I/O, no long locks).
 */
@FunctionalInterface
public interface MetricSource {

  /** Writes this source's metric families to {@code out}. */
  void collect(PrometheusText out);
}
