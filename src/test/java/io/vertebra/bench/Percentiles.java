package io.vertebra.bench;

import java.util.Arrays;

/** Latency percentiles over a set of samples in nanoseconds, reported in milliseconds. */
public record Percentiles(int count, double p50, double p90, double p99, double max) {

  /** Percentiles of the first {@code n} samples (the array is sorted in place). */
  public static Percentiles of(long[] nanos, int n) {
    if (n == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Arrays.sort(nanos, 0, n);
    return new Percentiles(n, ms(nanos[rank(n, 0.50)]), ms(nanos[rank(n, 0.90)]), ms(nanos[rank(n, 0.99)]),
        ms(nanos[n - 1]));
  }

  // Nearest-rank: the smallest sample with at least q of all samples at or below it.
  private static int rank(int n, double q) {
    return Math.max(0, (int) Math.ceil(q * n) - 1);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** {@code p50=… p90=… p99=… max=…} in ms. */
  @Override
  public String toString() {
    return String.format("p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms (n=%d)", p50, p90, p99, max, count);
  }
}
