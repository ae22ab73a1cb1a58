package io.vertebra.channels;

import io.vertebra.channels.apps.AppsConfig;
import io.vertebra.channels.apps.HostedApp;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.ClusterBus;
import io.vertebra.channels.channel.FanOutListener;
import io.vertebra.channels.cluster.RedisClusterBus;
import io.vertebra.channels.connection.ActivityMonitor;
import io.vertebra.channels.connection.Connection;
import io.vertebra.channels.connection.PusherUpgrade;
import io.vertebra.channels.connection.UpgradeRequiredServlet;
import io.vertebra.channels.http.ApiServlet;
import io.vertebra.channels.limits.MemoryAdmission;
import io.vertebra.channels.protocol.ErrorCode;
import io.vertebra.channels.webhook.Webhook;
import io.vertebra.channels.webhook.WebhookDispatcher;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.web.OriginPolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The Pusher-compatible channels server, installed into a Jetty servlet context: the WebSocket endpoint at
 * {@code /app/{key}} and the HTTP API at {@code /apps/{id}/...}, for the default app and those of
 * {@code CHANNELS_APPS}, each isolated from the others ({@link AppDirectory}). Close it before stopping Jetty so
 * clients are told to reconnect (4200) rather than seeing the connection drop.
 */
public final class ChannelsServer implements AutoCloseable {

  private final AppDirectory apps;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AutoCloseable memoryWatch;
  private final Handler.Singleton upgrades;

  private ChannelsServer(AppDirectory apps, AutoCloseable memoryWatch, Handler.Singleton upgrades) {
    this.apps = apps;
    this.memoryWatch = memoryWatch;
    this.upgrades = upgrades;
  }

  /**
   * Installs into {@code context} (of {@code server}) a server hosting the default app ({@code credentials}) and the
   * apps of {@code CHANNELS_APPS}, configured by {@code options}; each app's channel changes go to its webhooks. The
   * WebSocket upgrades are made by a handler in front of the context: put {@link #handler} in its place in the
   * server's handler chain.
   *
   * @throws io.vertebra.channels.cluster.NodeIdInUseException when clustered with a node id a running node uses
   * @throws io.vertebra.channels.apps.AppsConfigException when a listed app has the default app's id or key
   */
  public static ChannelsServer install(Server server, ServletContextHandler context, AppCredentials credentials,
      ChannelsOptions options) {
    List<HostedApp> hosted = new ArrayList<>();
    hosted.add(new HostedApp(credentials, options.limits(),
        options.webhookUrl() == null ? List.of() : List.of(Webhook.allEvents(options.webhookUrl())), null));
    hosted.addAll(options.apps());
    AppsConfig.checkDistinct(hosted.stream().map(HostedApp::credentials).toList());
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "channels-timer");
      t.setDaemon(true);
      return t;
    });
    MemoryAdmission memory = new MemoryAdmission(options.limits().memoryLimitPercent(),
        Runtime.getRuntime().maxMemory());
    HttpClient webhookClient = HttpClient.newHttpClient();
    List<ChannelsApp> started = new ArrayList<>();
    Map<String, OriginPolicy> origins = new HashMap<>();
    try {
      for (HostedApp app : hosted) {
        started.add(start(app, options, scheduler, memory, webhookClient));
        origins.put(app.credentials().appId(), app.origins() != null ? app.origins()
            : options.origins() == null ? OriginPolicy.any() : options.origins());
      }
    } catch (RuntimeException e) {
      started.forEach(app -> app.cluster().close());
      scheduler.shutdownNow();
      throw e;
    }
    AppDirectory directory = new AppDirectory(started, origins);
    context.addServlet(new ServletHolder("pusher-websocket", new UpgradeRequiredServlet()), PusherUpgrade.PATH);
    context.addServlet(new ServletHolder("pusher-http-api", new ApiServlet(directory)), "/apps/*");
    for (ChannelsApp app : started) {
      scheduler.scheduleWithFixedDelay(new ActivityMonitor(app), 1, 1, TimeUnit.SECONDS);
    }
    Handler.Singleton upgrades = PusherUpgrade.handler(server, directory);
    upgrades.setHandler(context);
    ChannelsServer channels = new ChannelsServer(directory, memory.watchCollections(), upgrades);
    stopWithJetty(context, channels);
    return channels;
  }

  /** The running state of one app: its webhooks, and its own cluster bus (Redis keys and messages carry its id). */
  private static ChannelsApp start(HostedApp hosted, ChannelsOptions options, ScheduledExecutorService scheduler,
      MemoryAdmission memory, HttpClient webhookClient) {
    AppCredentials credentials = hosted.credentials();
    ChannelListener listener = FanOutListener.of(hosted.webhooks().stream()
        .map(hook -> new WebhookDispatcher(hook, credentials, webhookClient, scheduler, Clock.systemUTC(), 1_000))
        .toList());
    ChannelsCounters counters = new ChannelsCounters();
    RedisClusterBus redis = options.cluster() == null ? null
        : RedisClusterBus.create(options.cluster(), credentials.appId(), counters);
    ChannelsApp app = ChannelsApp.create(credentials, hosted.limits(), listener, Clock.systemUTC(), scheduler,
        redis == null ? ClusterBus.SINGLE_NODE : redis, counters, memory);
    if (redis != null) {
      redis.start(app);
    }
    return app;
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

  /**
   * The handler to put in the server's chain where the context this server was installed in would be: it upgrades
   * the channels' sockets and passes every other request on to the context. Upgrades to {@code /app/{key}} never
   * reach the servlets.
   */
  public Handler handler() {
    return upgrades;
  }

  /** The live state of the default app (for the console, metrics and tests). */
  public ChannelsApp app() {
    return apps.defaultApp();
  }

  /** Every hosted app, the default first. */
  public AppDirectory apps() {
    return apps;
  }

  /** Current counts and running totals of the default app, for monitoring. */
  public ChannelsStats stats() {
    ChannelsApp app = app();
    return app.counters().snapshot(app.connections().size(), app.channels().size());
  }

  /** The metrics of this server for {@code /metrics}, every series labelled with its app. */
  public MetricSource metrics() {
    return new ChannelsMetrics(apps.all());
  }

  /**
   * This server's part of {@code /healthz}: healthy until it starts shutting down. A clustered node that lost Redis
   * stays healthy (it keeps serving its own clients) and says so in the details.
   */
  public HealthCheck health() {
    return HealthCheck.of("channels", () -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("connections", apps.all().stream().mapToInt(app -> app.connections().size()).sum());
      if (apps.all().size() > 1) {
        details.put("apps", apps.all().size());
      }
      ChannelsApp app = app();
      if (app.cluster() != ClusterBus.SINGLE_NODE) {
        boolean connected = apps.all().stream().allMatch(a -> a.cluster().connected());
        details.put("cluster", connected ? "connected" : "disconnected: serving local clients only");
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
    for (ChannelsApp app : apps.all()) {
      app.connections().close();
      for (Connection c : app.connections().all()) {
        c.close(ErrorCode.RECONNECT, "Server shutting down; reconnect");
      }
    }
    awaitDisconnects(1_000);
    for (ChannelsApp app : apps.all()) {
      app.cluster().close(); // after the disconnects, so their presence departures reach the other nodes
    }
    app().scheduler().shutdown();
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
      while (apps.all().stream().anyMatch(app -> app.connections().size() > 0)
          && System.currentTimeMillis() < end) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
