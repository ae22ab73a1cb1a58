package io.vertebra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of one benchmark run: printed as they are added and written, as flat JSON, to
 * {@code target/benchmarks/NAME.json} so runs can be compared.
 */
public final class Report {

  private final String name;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  public Report(String name) {
    this.name = name;
    put("benchmark", name);
    put("when", Instant.now().toString());
    put("nproc", Runtime.getRuntime().availableProcessors());
    put("java", System.getProperty("java.vm.version"));
    // The machine may be shared: the load around a run says how much its absolute figures can be trusted.
    put("load_average_1min_start", Load.oneMinute());
  }

  /** Records and prints one figure. */
  public Report put(String key, Object value) {
    figures.put(key, value);
    System.out.println(name + "  " + key + " = " + value);
    return this;
  }

  /** Records the three percentiles and max of {@code p} under {@code prefix}. */
  public Report put(String prefix, Percentiles p) {
    put(prefix + ".p50_ms", round(p.p50()));
    put(prefix + ".p90_ms", round(p.p90()));
    put(prefix + ".p99_ms", round(p.p99()));
    return put(prefix + ".max_ms", round(p.max()));
  }

  /** Records {@code ours / baseline} under {@code key}. */
  public Report ratio(String key, double ours, double baseline) {
    return put(key, round(ours / baseline));
  }

  /** Rounds to three decimals for readable output. */
  public static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Writes the JSON file and returns its path. */
  public Path write() {
    put("load_average_1min_end", Load.oneMinute());
    StringBuilder json = new StringBuilder("{\n");
    figures.forEach((k, v) -> json.append("  \"").append(k).append("\": ")
        .append(v instanceof Number || v instanceof Boolean ? v.toString() : quote(String.valueOf(v))).append(",\n"));
    json.setLength(json.length() - 2);
    json.append("\n}\n");
    Path file = Path.of(System.getProperty("bench.out", "target/benchmarks"), name + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(name + "  written to " + file);
    return file;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
