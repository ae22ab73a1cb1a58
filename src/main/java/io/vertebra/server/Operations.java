package io.vertebra.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.HealthServlet;
import io.vertebra.kit.ops.JvmMetrics;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.MetricsServlet;
import io.vertebra.kit.ops.RequestMetrics;
import io.vertebra.posts.server.PostsBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Installs {@code GET /healthz} and {@code GET /metrics} (OPERATIONS.md) with what this process runs: the JVM and
 * HTTP counts always, the channels server when embedded, the posts backend in {@code serve} mode.
 */
final class Operations {

  static final String HEALTH_PATH = "/healthz";
  static final String METRICS_PATH = "/metrics";

  private Operations() {}

  /**
   * @param channels the embedded channels server, or null
   * @param posts the posts backend, or null in {@code channels} mode
   */
  static void install(ServletContextHandler context, AppServer.Mode mode, RealtimeSettings realtime,
      ChannelsServer channels, PostsBackend posts, RequestMetrics requests) {
    String modeName = mode.name().toLowerCase(Locale.ROOT);
    List<MetricSource> sources = new ArrayList<>();
    List<HealthCheck> checks = new ArrayList<>();
    sources.add(out -> out.gauge("vertebra_info", "Always 1; the labels say how this process runs.")
        .sample(1, "mode", modeName, "realtime", realtime.embedded() ? "embedded" : "external"));
    sources.add(new JvmMetrics());
    sources.add(requests);
    if (posts != null) {
      sources.add(posts.metrics());
      checks.add(posts.health());
    }
    if (channels != null) {
      sources.add(channels.metrics());
      checks.add(channels.health());
    }
    context.addServlet(new ServletHolder("healthz", new HealthServlet(modeName, checks)), HEALTH_PATH);
    context.addServlet(new ServletHolder("metrics", new MetricsServlet(sources)), METRICS_PATH);
  }
}
