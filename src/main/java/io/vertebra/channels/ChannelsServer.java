package io.vertebra.channels;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.channels.cluster.RedisClusterBus;
import io.vertebra.channels.connection.ActivityMonitor;
import io.vertebra.channels.connection.Connection;
import io.vertebra.channels.connection.PusherWebSocketServlet;
import io.vertebra.channels.http.ApiServlet;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.webhook.WebhookDispatcher;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.web.OriginPolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The Pusher-compatible channels server, installed into a Jetty servlet context: the WebSocket endpoint at
 * {@code /app/{key}} and the HTTP API at {@code /apps/{id}/...}. Close it before stopping Jetty so clients are told
 * to reconnect (4200) rather than seeing the connection drop.
 */
public final class ChannelsServer implements AutoCloseable {

  private final ChannelsApp app;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AutoCloseable memoryWatch;

  private ChannelsServer(ChannelsApp app, AutoCloseable memoryWatch) {
    this.app = app;
    this.memoryWatch = memoryWatch;
  }

  /**
   * Installs a server for {@code credentials} configured by {@code options}; channel changes go to the webhook
   * URL when one is configured.
   *
   * @throws io.vertebra.channels.cluster.NodeIdInUseException when clustered with a node id a running node uses
   */
  public static ChannelsServer install(ServletContextHandler context, AppCredentials credentials,
      ChannelsOptions options) {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "channels-timer");
      t.setDaemon(true);
      return t;
    });
    ChannelListener listener = options.webhookUrl() == null ? ChannelListener.NONE
        : new WebhookDispatcher(options.webhookUrl(), credentials, HttpClient.newHttpClient(), scheduler,
            Clock.systemUTC(), 1_000);
    ChannelsCounters counters = new ChannelsCounters();
    RedisClusterBus redis = options.cluster() == null ? null
        : RedisClusterBus.create(options.cluster(), credentials.appId(), counters);
    ChannelsApp app = ChannelsApp.create(credentials, options.limits(), listener, Clock.systemUTC(), scheduler,
        redis == null ? ClusterBus.SINGLE_NODE : redis, counters);
    if (redis != null) {
      try {
        redis.start(app);
      } catch (RuntimeException e) {
        scheduler.shutdownNow();
        throw e;
      }
    }
    JettyWebSocketServletContainerInitializer.configure(context, null);
    context.addServlet(new ServletHolder("pusher-websocket", new PusherWebSocketServlet(app,
        options.origins() == null ? OriginPolicy.any() : options.origins())), "/app/*");
    context.addServlet(new ServletHolder("pusher-http-api", new ApiServlet(app)), "/apps/*");
    scheduler.scheduleWithFixedDelay(new ActivityMonitor(app), 1, 1, TimeUnit.SECONDS);
    ChannelsServer channels = new ChannelsServer(app, app.connections().memory().watchCollections());
    stopWithJetty(context, channels);
    return channels;
  }

  /**
   * Closes the channels server when Jetty stops by any path (also its shutdown hook on SIGTERM), and before Jetty's
   * graceful phase, which would otherwise close every WebSocket with 1001 first.
   */
  private static void stopWithJetty(ServletContextHandler context, ChannelsServer channels) {
    LifeCycle.Listener stopping = new LifeCycle.Listener() {
      @Override
      public void lifeCycleStopping(LifeCycle event) {
        channels.close();
      }
    };
    context.addEventListener(new LifeCycle.Listener() {
      @Override
      public void lifeCycleStarted(LifeCycle event) {
        context.getServer().addEventListener(stopping); // the Server exists once the context has started
      }
    });
    context.addEventListener(stopping);
  }

  /** The live state (for metrics and tests). */
  public ChannelsApp app() {
    return app;
  }

  /** Current counts and running totals, for monitoring. */
  public ChannelsStats stats() {
    return app.counters().snapshot(app.connections().size(), app.channels().size());
  }

  /** The metrics of this server for {@code /metrics}. */
  public MetricSource metrics() {
    return new ChannelsMetrics(app);
  }

  /**
   * This server's part of {@code /healthz}: healthy until it starts shutting down. A clustered node that lost Redis
   * stays healthy (it keeps serving its own clients) and says so in the details.
   */
  public HealthCheck health() {
    return HealthCheck.of("channels", () -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("connections", app.connections().size());
      if (app.cluster() != ClusterBus.SINGLE_NODE) {
        details.put("cluster", app.cluster().connected() ? "connected" : "disconnected: serving local clients only");
      }
      return closed.get() ? HealthCheck.Status.down("shutting down", details) : HealthCheck.Status.up(details);
    });
  }

  /** Asks every client to reconnect (close code 4200) and stops the timers; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    app.connections().close();
    for (Connection c : app.connections().all()) {
      c.close(ErrorCode.RECONNECT, "Server shutting down; reconnect");
    }
    awaitDisconnects(1_000);
    app.cluster().close(); // after the disconnects, so their presence departures reach the other nodes
    app.scheduler().shutdown();
    try {
      memoryWatch.close();
    } catch (Exception e) {
      // only removes notification listeners; nothing to recover
    }
  }

  /** Gives clients a moment to complete the close handshake, so they see 4200 rather than a dropped socket. */
  private void awaitDisconnects(long millis) {
    long end = System.currentTimeMillis() + millis;
    try {
      while (app.connections().size() > 0 && System.currentTimeMillis() < end) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
