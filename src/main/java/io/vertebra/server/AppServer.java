package io.vertebra.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.console.ConsoleBackend;
import io.vertebra.kit.config.ChannelsCredentials;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.identity.IdentityApi;
import io.vertebra.kit.identity.IdentityEndpoints;
import io.vertebra.kit.ops.RequestMetrics;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.web.AllowedHosts;
import io.vertebra.kit.web.BodyGate;
import io.vertebra.kit.web.ClientLimit;
import io.vertebra.kit.web.ClientRate;
import io.vertebra.kit.web.HostCheck;
import io.vertebra.kit.web.JsonErrorHandler;
import io.vertebra.kit.web.OriginPolicy;
import io.vertebra.kit.web.ProxyForwarding;
import io.vertebra.kit.web.SecurityHeaders;
import io.vertebra.kit.web.WebCompression;
import io.vertebra.posts.server.PostsBackend;
import io.vertebra.posts.server.PostsOptions;
import io.vertebra.todos.server.TodosBackend;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.Resource;

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
  /**
   * Connections the kernel may hold completed but not yet accepted. Jetty's default (0) gives the JDK's 50: a burst
   * of reconnecting browsers after a deploy overflows it, and every dropped SYN waits out the kernel's 1 s retry.
   * The kernel caps it at {@code net.core.somaxconn} (4096 on current Linux), so raise that too for more.
   */
  public static final int ACCEPT_QUEUE = 4096;

  private final Server server;
  private final ServerConnector connector;
  private final RealtimeSettings realtime;
  private final ChannelsServer channels;
  private final PostsBackend posts;
  private final boolean tls;

  private AppServer(Server server, ServerConnector connector, RealtimeSettings realtime, ChannelsServer channels,
      PostsBackend posts, boolean tls) {
    this.server = server;
    this.tls = tls;
    this.connector = connector;
    this.realtime = realtime;
    this.channels = channels;
    this.posts = posts;
  }

  /** Starts a server for {@code config}; returns once it accepts connections. */
  public static AppServer start(Config config, Mode mode) throws Exception {
    Server server = new Server();
    ServerConnector connector = connector(server, config);
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    server.addConnector(connector);
    // Bind before wiring so the realtime settings (used by pusher-http-java and pusher-js) know the real port.
    connector.open();

    boolean embeddedChannels = mode == Mode.CHANNELS || !config.externalRealtime();
    ServerConnector internal = mode == Mode.SERVE && embeddedChannels && config.tls() != null
        ? loopbackConnector(server) : null;
    RealtimeSettings realtime = !embeddedChannels ? RealtimeSettings.external(config)
        : internal != null ? RealtimeSettings.embedded(ChannelsCredentials.load(config), "127.0.0.1",
            internal.getLocalPort())
        : RealtimeSettings.embedded(ChannelsCredentials.load(config), config.host(), connector.getLocalPort());

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    ChannelsServer channels = null;
    PostsBackend posts = null;
    AppCredentials credentials = new AppCredentials(realtime.appId(), realtime.key(), realtime.secret());
    if (embeddedChannels) {
      // Beside the app, sockets are for the app's own pages unless CHANNELS_ALLOWED_ORIGINS says otherwise; a
      // channels-only server serves other sites' pages, so any origin by default.
      channels = ChannelsServer.install(context, credentials, config.channels().withDefaultOrigins(
          mode == Mode.SERVE ? OriginPolicy.sameSite() : OriginPolicy.any()));
    }
    if (mode == Mode.SERVE) {
      // posts backend: /api/..., /pusher/auth, /pusher/user-auth (issue 4)
      posts = PostsBackend.install(context, config, realtime);
      limitSignIns(context, config.http().signInsPerClient());
      // TodoMVC (/todos/, docs/todos.md): /api/todos on the same database and realtime client
      TodosBackend.install(context, posts.database(), new EventTrigger(posts.pusher()));
      StaticFiles.install(context, config.webDir());
    }
    // The realtime debug console (/console, docs/console.md): says so when the realtime service is external.
    ConsoleBackend.install(context, credentials, channels == null ? null : channels.app(), webApp(context, config));
    // Wraps everything: every response is counted, and counted as sent (compressed or not). Inside the count:
    // bodies are received in full without holding a thread before any servlet runs, and one client may hold
    // only so many requests (issue 21's slow-body outage).
    // First of all, a Host this server does not answer to is refused (DNS rebinding).
    Set<String> probes = Set.of(Operations.HEALTH_PATH, Operations.METRICS_PATH);
    RequestMetrics requests = new RequestMetrics(new SecurityHeaders(new HostCheck(new ClientLimit(new BodyGate(
        WebCompression.around(context), bodyLimits(config), PostsOptions.defaults().maxBodyBytes(),
        config.http().bodyTimeoutMillis()), config.http().maxRequestsPerClient(), probes),
        allowedHosts(config, realtime), probes)));
    Operations.install(context, mode, realtime, channels, posts, requests);
    // Jetty's own refusals (unparsable requests, sendError) answer in the same JSON error contract as the APIs.
    server.setErrorHandler(new JsonErrorHandler());
    context.setErrorHandler(JsonErrorHandler.forServletContext());
    // GracefulHandler: on stop, requests in flight are answered (up to the stop timeout) and new ones get 503,
    // instead of every open connection being cut.
    GracefulHandler graceful = new GracefulHandler(requests);
    // During a stop every connection's idle timeout drops to this, and the stop waits for the connections to go:
    // idle keep-alive connections then cost this much per stop, a request body stalled longer than this is cut.
    graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT_MS);
    server.setHandler(graceful);
    server.setStopAtShutdown(true);
    server.setStopTimeout(STOP_TIMEOUT_MS);
    server.start();
    return new AppServer(server, connector, realtime, channels, posts, config.tls() != null);
  }

  /**
   * The one connector: plain HTTP, or TLS with the PEM identity of TLS_CERT/TLS_KEY; either way forwarding headers
   * are believed from TRUSTED_PROXIES only.
   */
  private static ServerConnector connector(Server server, Config config) {
    HttpConfiguration http = new HttpConfiguration();
    if (config.tls() != null) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false); // ALLOWED_HOSTS decides which names are served, with a JSON answer
      http.addCustomizer(secure);
    }
    if (config.trustedProxies().enabled()) {
      http.addCustomizer(new ProxyForwarding(config.trustedProxies()));
    }
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    if (config.tls() == null) {
      return new ServerConnector(server, plain);
    }
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(config.tls().keyStore());
    ssl.setKeyStorePassword(config.tls().password());
    ssl.setKeyManagerPassword(config.tls().password());
    return new ServerConnector(server, ssl, plain);
  }

  /**
   * With in-process TLS, the app's own pusher-http-java reaches the embedded channels server over plain HTTP on a
   * loopback port of its own: the certificate names the public host, not 127.0.0.1.
   */
  private static ServerConnector loopbackConnector(Server server) throws java.io.IOException {
    ServerConnector internal = new ServerConnector(server);
    internal.setHost("127.0.0.1");
    internal.setPort(0);
    server.addConnector(internal);
    internal.open();
    return internal;
  }

  /**
   * ALLOWED_HOSTS, plus the address the app's own pusher-http-java gives as Host when it triggers on the embedded
   * channels server (127.0.0.1 or the bind address): naming a loopback address opens nothing to DNS rebinding.
   */
  private static AllowedHosts allowedHosts(Config config, RealtimeSettings realtime) {
    AllowedHosts hosts = AllowedHosts.of(config.allowedHosts(), config.host());
    return realtime.embedded() ? hosts.and(realtime.apiHost()) : hosts;
  }

  /**
   * Each sign-in makes a new identity: one client may make only so many (SIGN_INS_PER_CLIENT at once, as many
   * more per hour), so it cannot fill a post's presence channel with throw-away users (issue 21).
   */
  private static void limitSignIns(ServletContextHandler context, int perClient) {
    if (perClient > 0) {
      context.addFilter(new FilterHolder(new ClientRate("POST", "sign-ins", perClient, Duration.ofHours(1))),
          IdentityApi.SESSION_PATH + "/*", EnumSet.of(DispatcherType.REQUEST));
    }
  }

  /**
   * Body limits by path: pusher-js's small forms, the sign-in (a display name: anyone may send it, so it gets
   * the least), the channels HTTP API's and the console's own limit.
   */
  private static List<BodyGate.Limit> bodyLimits(Config config) {
    int channels = config.channels().limits().maxRequestBytes();
    return List.of(new BodyGate.Limit("/pusher/", IdentityEndpoints.MAX_FORM_BYTES),
        new BodyGate.Limit(IdentityApi.SESSION_PATH, IdentityEndpoints.MAX_FORM_BYTES),
        new BodyGate.Limit("/apps/", channels), new BodyGate.Limit("/console/", channels));
  }

  /** The web app folder (compiled clients, pusher-js), or null when none was built (the console then has no client). */
  private static Resource webApp(ServletContextHandler context, Config config) {
    try {
      return StaticFiles.locate(context, config.webDir());
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** The realtime service this server uses (the embedded one unless PUSHER_URL is set). */
  public RealtimeSettings realtime() {
    return realtime;
  }

  /** The embedded channels server (for its stats), or null when an external realtime service is used. */
  public ChannelsServer channels() {
    return channels;
  }

  /** The posts backend (for its trigger stats), or null in {@link Mode#CHANNELS}. */
  public PostsBackend posts() {
    return posts;
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URL of this server, without a trailing slash. */
  public String baseUrl() {
    String host = connector.getHost();
    String reachable = host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return (tls ? "https://" : "http://") + reachable + ":" + port();
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
