package io.vertebra.kit.server;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.ops.RequestMetrics;
import io.vertebra.kit.web.AllowedHosts;
import io.vertebra.kit.web.BodyGate;
import io.vertebra.kit.web.ClientLimit;
import io.vertebra.kit.web.HostCheck;
import io.vertebra.kit.web.SecurityHeaders;
import io.vertebra.kit.web.WebCompression;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Handler;

/** The handlers every request passes before any servlet: counted, guarded, limited, compressed. */
final class Edge {

  private Edge() {}

  /**
   * Wraps {@code app}: every response is counted, and counted as sent (compressed or not). Inside the count, first
   * of all a Host this server does not answer to is refused (DNS rebinding); then one client may hold only so many
   * requests, and bodies are received in full without holding a thread before any servlet runs (the slow-body
   * outage). The health and metrics probes are never limited.
   */
  static RequestMetrics around(Handler app, Config config, RealtimeSettings realtime, List<BodyGate.Limit> limits,
      int defaultMaxBodyBytes) {
    Set<String> probes = Set.of(VertebraServer.HEALTH_PATH, VertebraServer.METRICS_PATH);
    return new RequestMetrics(new SecurityHeaders(new HostCheck(new ClientLimit(new BodyGate(
        WebCompression.around(app), limits, defaultMaxBodyBytes, config.http().bodyTimeoutMillis()),
        config.http().maxRequestsPerClient(), probes), allowedHosts(config, realtime), probes)));
  }

  /**
   * ALLOWED_HOSTS, plus the address the app's own pusher-http-java gives as Host when it triggers on the embedded
   * channels server (127.0.0.1 or the bind address): naming a loopback address opens nothing to DNS rebinding.
   */
  private static AllowedHosts allowedHosts(Config config, RealtimeSettings realtime) {
    AllowedHosts hosts = AllowedHosts.of(config.allowedHosts(), config.host());
    return realtime.embedded() ? hosts.and(realtime.apiHost()) : hosts;
  }
}
