package io.vertebra.kit.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.kit.config.ChannelsCredentials;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.ops.RequestMetrics;
import io.vertebra.kit.web.BodyGate;
import io.vertebra.kit.web.JsonErrorHandler;
import io.vertebra.kit.web.OriginPolicy;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts a {@link VertebraServer} together from its {@link VertebraServer.Builder}, in the order the parts need. */
final class ServerAssembly {

  private static final Logger LOG = LoggerFactory.getLogger(ServerAssembly.class);

  private ServerAssembly() {}

  static VertebraServer start(VertebraServer.Builder spec) throws Exception {
    Config config = spec.config;
    Server server = new Server(ServerThreads.pool(spec.channelsOnly, Runtime.getRuntime().availableProcessors()));
    // Bound before wiring so the realtime settings (used by pusher-http-java and pusher-js) know the real port.
    ServerConnector connector = Connectors.open(server, config);
    boolean embedded = spec.channelsOnly || !config.externalRealtime();
    ServerConnector internal = !spec.channelsOnly && embedded && config.tls() != null
        ? Connectors.loopback(server) : null;
    RealtimeSettings realtime = !embedded ? RealtimeSettings.external(config)
        : internal != null ? RealtimeSettings.embedded(ChannelsCredentials.load(config), "127.0.0.1",
            internal.getLocalPort())
        : RealtimeSettings.embedded(ChannelsCredentials.load(config), config.host(), connector.getLocalPort());

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    ChannelsServer channels = null;
    if (embedded) {
      // Beside an app, sockets are for the app's own pages unless CHANNELS_ALLOWED_ORIGINS says otherwise; a
      // channels-only server serves other sites' pages, so any origin by default.
      channels = ChannelsServer.install(server, context, credentials(realtime), config.channels().withDefaultOrigins(
          spec.channelsOnly ? OriginPolicy.any() : OriginPolicy.sameSite()));
    }
    SharedServices services = null;
    Contributions modules = new Contributions();
    try {
      if (!spec.channelsOnly) {
        services = SharedServices.open(config, realtime, spec.database, spec.clock);
        SharedEndpoints.install(context, config, realtime, services, modules, spec.maxBodyBytes);
      }
      ModuleContext moduleContext = new ModuleContext(context, config, realtime, channels, webApp(context, spec),
          services, modules);
      for (Module module : spec.modules) {
        module.install(moduleContext);
      }
      if (!spec.channelsOnly && spec.staticFiles) {
        StaticFiles.install(context, spec.webDir);
      }
      closeWithContext(context, modules.closeOnStop, services);
      // The channels' socket upgrades are made in front of the servlets, after the edge's checks.
      Handler app = channels == null ? context : channels.handler();
      RequestMetrics requests = Edge.around(app, config, realtime, bodyLimits(config, modules), spec.maxBodyBytes);
      Operations.install(context, spec.channelsOnly ? "channels" : "serve", realtime, channels, services, modules,
          requests);
      // Jetty's own refusals (unparsable requests, sendError) answer in the same JSON error contract as the APIs.
      server.setErrorHandler(new JsonErrorHandler());
      context.setErrorHandler(JsonErrorHandler.forServletContext());
      server.setHandler(graceful(requests));
      server.setStopAtShutdown(true);
      server.setStopTimeout(VertebraServer.STOP_TIMEOUT_MS);
      server.start();
    } catch (Exception | Error e) {
      abandon(server, channels, modules.closeOnStop, services);
      throw e;
    }
    return new VertebraServer(server, connector, realtime, channels, services, config.tls() != null);
  }

  private static AppCredentials credentials(RealtimeSettings realtime) {
    return new AppCredentials(realtime.appId(), realtime.key(), realtime.secret());
  }

  /**
   * On stop, requests in flight are answered (up to the stop timeout) and new ones get 503, instead of every open
   * connection being cut. During a stop every connection's idle timeout drops to {@code SHUTDOWN_IDLE_TIMEOUT_MS},
   * and the stop waits for the connections to go: idle keep-alive connections then cost this much per stop, a
   * request body stalled longer than this is cut.
   */
  private static GracefulHandler graceful(RequestMetrics requests) {
    GracefulHandler graceful = new GracefulHandler(requests);
    graceful.setShutdownIdleTimeout(VertebraServer.SHUTDOWN_IDLE_TIMEOUT_MS);
    return graceful;
  }

  /** The channels HTTP API's limit, then the modules' limits, then the shared endpoints' (first match wins). */
  private static List<BodyGate.Limit> bodyLimits(Config config, Contributions modules) {
    List<BodyGate.Limit> limits = new ArrayList<>();
    limits.add(new BodyGate.Limit("/apps/", config.channels().limits().maxRequestBytes()));
    limits.addAll(modules.bodyLimits);
    limits.addAll(SharedEndpoints.bodyLimits());
    return limits;
  }

  /** The web app folder, or null when none was built (then only a server with static files fails to start). */
  private static Resource webApp(ServletContextHandler context, VertebraServer.Builder spec) {
    try {
      return StaticFiles.locate(context, spec.webDir);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** When the context stops (requests done): the modules' resources, newest first, then the shared services. */
  private static void closeWithContext(ServletContextHandler context, List<AutoCloseable> resources,
      SharedServices services) {
    context.addEventListener(new ServletContextListener() {
      @Override
      public void contextDestroyed(ServletContextEvent event) {
        closeAll(resources, services);
      }
    });
  }

  /** A start that failed half way: whatever was opened is closed, so a retry in the same JVM starts clean. */
  private static void abandon(Server server, ChannelsServer channels, List<AutoCloseable> resources,
      SharedServices services) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("Stopping a server that failed to start failed", e);
    }
    if (channels != null) {
      channels.close();
    }
    closeAll(resources, services);
  }

  private static void closeAll(List<AutoCloseable> resources, SharedServices services) {
    if (services != null && !services.closing().compareAndSet(false, true)) {
      return; // a failed start already closed everything, before the context's own stop
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed", resources.get(i), e);
      }
    }
    if (services != null) {
      services.close();
    }
  }
}
