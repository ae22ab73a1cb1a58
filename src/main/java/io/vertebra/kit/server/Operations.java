package io.vertebra.kit.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.HealthServlet;
import io.vertebra.kit.ops.JvmMetrics;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.MetricsServlet;
import io.vertebra.kit.ops.RequestMetrics;
import io.vertebra.kit.store.DatabaseHealth;
import io.vertebra.kit.store.DatabaseMetrics;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Installs {@code GET /healthz} and {@code GET /metrics} (OPERATIONS.md) with what this process runs: the JVM and
 * HTTP counts always, the database on a full server, the channels server when embedded, and what modules added.
 */
final class Operations {

  private Operations() {}

  /**
   * @param modeName the value of {@code vertebra_info}'s and the health report's mode ({@code serve}, {@code channels})
   * @param channels the embedded channels server, or null
   * @param services the shared services of a full server, or null on a channels-only one
   */
  static void install(ServletContextHandler context, String modeName, RealtimeSettings realtime,
      ChannelsServer channels, SharedServices services, Contributions modules, RequestMetrics requests) {
    List<MetricSource> sources = new ArrayList<>();
    List<HealthCheck> checks = new ArrayList<>();
    sources.add(out -> out.gauge("vertebra_info", "Always 1; the labels say how this process runs.")
        .sample(1, "mode", modeName, "realtime", realtime.embedded() ? "embedded" : "external"));
    sources.add(new JvmMetrics());
    sources.add(requests);
    if (services != null) {
      sources.add(new DatabaseMetrics(services.database()));
      checks.add(new DatabaseHealth(services.database()));
    }
    sources.addAll(modules.metrics);
    checks.addAll(modules.checks);
    if (channels != null) {
      sources.add(channels.metrics());
      checks.add(channels.health());
    }
    context.addServlet(new ServletHolder("healthz", new HealthServlet(modeName, checks)),
        VertebraServer.HEALTH_PATH);
    context.addServlet(new ServletHolder("metrics", new MetricsServlet(sources)), VertebraServer.METRICS_PATH);
  }
}
