package io.vertebra.bench;

import java.util.Arrays;
import java.util.List;

/** The list-valued system properties the benchmarks share. */
public final class BenchOptions {

  private BenchOptions() {}

  /** {@code serverJvm}: the JVM options of the servers under test, split at spaces; empty = none. */
  public static List<String> serverJvm(String fallback) {
    return Arrays.stream(System.getProperty("serverJvm", fallback).trim().split("\\s+"))
        .filter(s -> !s.isEmpty()).toList();
  }

  /** {@code peers}: the baseline servers to run beside ours, comma separated; empty = ours alone. */
  public static List<String> peers(String fallback) {
    return Arrays.stream(System.getProperty("peers", fallback).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
