package io.vertebra.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.posts.server.PostsBackend;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * One embedded Jetty 12 server on one port: the web app, the posts REST API and (unless an external realtime
 * service is configured) the Pusher-compatible channels server. Tests start it on port 0 and stop it themselves.
 */
public final class AppServer implements AutoCloseable {

  /** What the process serves. */
  public enum Mode {
    /** Web app, REST API and the embedded channels server. */
    SERVE,
    /** Only the channels server (WebSocket and HTTP API). */
    CHANNELS
  }

  /** How long a stop waits for requests in flight before cutting them. */
  public static final long STOP_TIMEOUT_MS = 10_000;
  /** How long a connection may sit idle (e.g. between two parts of a request body) once a stop began. */
  public static final long SHUTDOWN_IDLE_TIMEOUT_MS = 500;

  private final Server server;
  private final ServerConnector connector;
  private final RealtimeSettings realtime;
  private final ChannelsServer channels;

  private AppServer(Server server, ServerConnector connector, RealtimeSettings realtime, ChannelsServer channels) {
    this.server = server;
    this.connector = connector;
    this.realtime = realtime;
    this.channels = channels;
  }

  /** Starts a server for {@code config}; returns once it accepts connections. */
  public static AppServer start(Config config, Mode mode) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    // Bind before wiring so the realtime settings (used by pusher-http-java and pusher-js) know the real port.
    connector.open();

    boolean embeddedChannels = mode == Mode.CHANNELS || !config.externalRealtime();
    RealtimeSettings realtime = embeddedChannels
        ? RealtimeSettings.embedded(ChannelsCredentials.load(config), config.host(), connector.getLocalPort())
        : RealtimeSettings.external(config);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    ChannelsServer channels = null;
    if (embeddedChannels) {
      channels = ChannelsServer.install(context, new AppCredentials(realtime.appId(), realtime.key(),
          realtime.secret()), config.channels());
    }
    if (mode == Mode.SERVE) {
      // posts backend: /api/..., /pusher/auth, /pusher/user-auth (issue 4)
      PostsBackend.install(context, config, realtime);
      StaticFiles.install(context, config.webDir());
    }
    // GracefulHandler: on stop, requests in flight are answered (up to the stop timeout) and new ones get 503,
    // instead of every open connection being cut.
    GracefulHandler graceful = new GracefulHandler(context);
    // During a stop every connection's idle timeout drops to this, and the stop waits for the connections to go:
    // idle keep-alive connections then cost this much per stop, a request body stalled longer than this is cut.
    graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT_MS);
    server.setHandler(graceful);
    server.setStopAtShutdown(true);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.start();
    return new AppServer(server, connector, realtime, channels);
  }

  /** The realtime service this server uses (the embedded one unless PUSHER_URL is set). */
  public RealtimeSettings realtime() {
    return realtime;
  }

  /** The embedded channels server (for its stats), or null when an external realtime service is used. */
  public ChannelsServer channels() {
    return channels;
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URL of this server, without a trailing slash. */
  public String baseUrl() {
    String host = connector.getHost();
    return "http://" + (host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    if (channels != null) {
      channels.close(); // clients are told to reconnect (4200) before the connections drop
    }
    server.stop();
  }
}
