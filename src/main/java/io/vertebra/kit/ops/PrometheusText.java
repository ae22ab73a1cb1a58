package io.vertebra.kit.ops;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format, version 0.0.4: each metric family once, announced by
 * {@code # HELP} and {@code # TYPE} lines and followed by its samples, with label values and help text escaped as
 * the format requires. Counter names must end in {@code _total}. Not thread-safe: one writer per scrape.
 *
 * <pre>{@code
 * PrometheusText out = new PrometheusText();
 * out.counter("http_requests_total", "HTTP responses sent.")
 *     .sample(1027, "method", "GET", "code", "200")
 *     .sample(3, "method", "GET", "code", "404");
 * out.gauge("connections", "Open connections.").sample(12);
 * String body = out.toString();
 * }</pre>
 */
public final class PrometheusText {

  /** The {@code Content-Type} of a response in this format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final StringBuilder out = new StringBuilder(8192);
  private final Set<String> families = new HashSet<>();
  private String current;

  /** Starts a counter family (a total that only goes up, reset by a restart); its name must end in {@code _total}. */
  public PrometheusText counter(String name, String help) {
    if (!name.endsWith("_total")) {
      throw new IllegalArgumentException("A counter's name must end in _total: " + name);
    }
    return family(name, "counter", help);
  }

  /** Starts a gauge family (a value that goes up and down). */
  public PrometheusText gauge(String name, String help) {
    return family(name, "gauge", help);
  }

  /** Adds a sample with a whole-number value to the current family; labels are name/value pairs. */
  public PrometheusText sample(long value, String... labels) {
    return line(labels, Long.toString(value));
  }

  /** Adds a sample with a floating-point value to the current family; labels are name/value pairs. */
  public PrometheusText sample(double value, String... labels) {
    return line(labels, number(value));
  }

  /** The exposition text written so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  private PrometheusText family(String name, String type, String help) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid metric name: " + name);
    }
    if (!families.add(name)) {
      throw new IllegalStateException("Metric family written twice: " + name);
    }
    current = name;
    out.append("# HELP ").append(name).append(' ');
    escape(help, false);
    out.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  private PrometheusText line(String[] labels, String value) {
    if (current == null) {
      throw new IllegalStateException("Start a family (counter or gauge) before adding samples");
    }
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("Labels come in name/value pairs");
    }
    out.append(current);
    for (int i = 0; i < labels.length; i += 2) {
      String label = labels[i];
      if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
        throw new IllegalArgumentException("Invalid label name: " + label);
      }
      out.append(i == 0 ? '{' : ',').append(label).append("=\"");
      escape(labels[i + 1], true);
      out.append('"');
    }
    if (labels.length > 0) {
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
    return this;
  }

  /** Help text escapes backslash and line feed; label values also escape the double quote. */
  private void escape(String text, boolean labelValue) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(labelValue ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
  }

  /** In the float syntax Prometheus parses: NaN, +Inf, -Inf, or a plain decimal. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).toPlainString(); // no exponent: easier on human readers, same value
  }
}
