package io.vertebra.kit.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /metrics}: every source's metrics in the Prometheus text format (0.0.4), never cached. Public like
 * {@code /healthz}: it holds counts, never names of channels or users, nor secrets (see OPERATIONS.md).
 */
public final class MetricsServlet extends ReadOnlyServlet {

  private final transient List<MetricSource> sources;

  /** A servlet writing {@code sources} in this order. */
  public MetricsServlet(List<MetricSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  protected void answer(HttpServletResponse response) throws IOException {
    PrometheusText out = new PrometheusText();
    for (MetricSource source : sources) {
      source.collect(out);
    }
    send(response, HttpServletResponse.SC_OK, PrometheusText.CONTENT_TYPE,
        out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
