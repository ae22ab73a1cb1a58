package io.vertebra.kit.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  @DisplayName("families are announced by HELP and TYPE, then their samples, one line each")
  void writesFamiliesInOrder() {
    PrometheusText out = new PrometheusText();
    out.counter("requests_total", "Requests.").sample(3, "code", "200").sample(1, "code", "404");
    out.gauge("connections", "Open connections.").sample(12);
    assertEquals("""
        # HELP requests_total Requests.
        # TYPE requests_total counter
        requests_total{code="200"} 3
        requests_total{code="404"} 1
        # HELP connections Open connections.
        # TYPE connections gauge
        connections 12
        """, out.toString());
  }

  @Test
  @DisplayName("label values escape backslash, quote and line feed; HELP escapes backslash and line feed only")
  void escapes() {
    PrometheusText out = new PrometheusText();
    out.gauge("odd", "A \\ \"quoted\"\nhelp").sample(1, "path", "C:\\dir \"x\"\nnext");
    assertEquals("""
        # HELP odd A \\\\ "quoted"\\nhelp
        # TYPE odd gauge
        odd{path="C:\\\\dir \\"x\\"\\nnext"} 1
        """, out.toString());
    Exposition parsed = Exposition.parse(out.toString());
    assertEquals(1, parsed.value("odd", "path", "C:\\dir \"x\"\nnext"));
  }

  @Test
  @DisplayName("numbers: whole values without a fraction, others as plain decimals, NaN and infinities spelled out")
  void numbers() {
    assertEquals("42", PrometheusText.number(42.0));
    assertEquals("0.25", PrometheusText.number(0.25));
    assertEquals("NaN", PrometheusText.number(Double.NaN));
    assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", PrometheusText.number(Double.NEGATIVE_INFINITY));
    assertEquals("1795854524.88", PrometheusText.number(1.79585452488e9), "no exponent for epoch seconds");
    assertEquals(1.5e20, Double.parseDouble(PrometheusText.number(1.5e20)));
    assertEquals(1e-9, Double.parseDouble(PrometheusText.number(1e-9)));
  }

  @Test
  @DisplayName("mistakes that would make the scrape invalid fail at once")
  void refusesInvalidOutput() {
    PrometheusText out = new PrometheusText();
    assertThrows(IllegalArgumentException.class, () -> out.counter("requests", "not _total"));
    assertThrows(IllegalStateException.class, () -> out.sample(1));
    assertThrows(IllegalArgumentException.class, () -> out.gauge("bad-name", "x"));
    out.gauge("g", "x");
    assertThrows(IllegalStateException.class, () -> out.gauge("g", "again"));
    assertThrows(IllegalArgumentException.class, () -> out.sample(1, "odd"));
    assertThrows(IllegalArgumentException.class, () -> out.sample(1, "__reserved", "x"));
    assertThrows(IllegalArgumentException.class, () -> out.sample(1, "bad-label", "x"));
  }

  @Test
  @DisplayName("the JVM metrics parse as valid exposition text with the usual names")
  void jvmMetricsAreValid() {
    PrometheusText out = new PrometheusText();
    new JvmMetrics().collect(out);
    Exposition parsed = Exposition.parse(out.toString());
    assertTrue(parsed.value("jvm_memory_used_bytes", "area", "heap") > 0);
    assertTrue(parsed.value("jvm_threads_current") >= 1);
    assertTrue(parsed.value("process_uptime_seconds") > 0);
    assertEquals("counter", parsed.type("jvm_gc_collections_total"));
  }
}
