package __PACKAGE__.server;

import __PACKAGE__.shared.NoteApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.channels.ChannelsServer;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.kit.config.ChannelsCredentials;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.identity.IdentityEndpoints;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.live.LiveResource;
import io.vertebra.kit.live.LiveResources;
import io.vertebra.kit.live.LiveServices;
import io.vertebra.kit.live.MountedResource;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.realtime.PusherClients;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.Schema;
import io.vertebra.kit.store.SessionStore;
import io.vertebra.kit.web.CrossSiteGuard;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonErrorHandler;
import io.vertebra.kit.web.OriginPolicy;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The app's server on one port: the page and the compiled client, the live resources ({@link Resources}: {@code
 * /api/notes}), sign-in and pusher-js auth
 * ({@code /api/session}, {@code /pusher/auth}, {@code /pusher/user-auth}), {@code /api/config}, and Vertebra's
 * embedded Pusher-compatible channels server (or hosted Pusher by {@code PUSHER_URL}). Configured by the
 * environment variables of Vertebra's README ({@code PORT}, {@code DATA_DIR}, {@code DATABASE_URL}...).
 */
public final class NotesServer implements AutoCloseable {

  /**
   * The tables the app writes SQL for itself, one migration step each (add a step to change them, never edit one
   * that has shipped): here only the sign-ins. Live resources create and migrate their own.
   */
  static final Schema SCHEMA = Schema.of(SessionStore.TABLES);

  /** The largest sign-in body: a display name. */
  static final int MAX_SIGN_IN_BYTES = 8 * 1024;

  private final Server server;
  private final ServerConnector connector;
  private final Database database;
  private final PusherAsync pusher;
  private final ChannelsServer channels;

  private NotesServer(Server server, ServerConnector connector, Database database, PusherAsync pusher,
      ChannelsServer channels) {
    this.server = server;
    this.connector = connector;
    this.database = database;
    this.pusher = pusher;
    this.channels = channels;
  }

  /** Starts the server; returns once it accepts connections. */
  public static NotesServer start(Config config) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    connector.open(); // bound first: the embedded channels server's settings name the real port

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    RealtimeSettings realtime = config.externalRealtime() ? RealtimeSettings.external(config)
        : RealtimeSettings.embedded(ChannelsCredentials.load(config), config.host(), connector.getLocalPort());
    ChannelsServer channels = config.externalRealtime() ? null : ChannelsServer.install(context,
        new AppCredentials(realtime.appId(), realtime.key(), realtime.secret()),
        config.channels().withDefaultOrigins(OriginPolicy.sameSite()));

    Database database = Database.open(config.databaseUrl(), config.dataDir(), SCHEMA, Database.BeforeOpen.NOTHING);
    ObjectMapper mapper = new ObjectMapper();
    Clock clock = Clock.systemUTC();
    Sessions sessions = Sessions.open(config.sessionSecret(), config.dataDir(), mapper, clock,
        new SessionStore(database, clock));
    PusherAsync pusher = PusherClients.create(realtime);
    LiveServices live = new LiveServices(database, new EventTrigger(pusher), mapper, clock);

    // Cookie-authenticated writes refuse other sites' pages (CSRF), behind the cookie's SameSite=Lax.
    for (String path : new String[] {"/api/*", "/pusher/*"}) {
      context.addFilter(new FilterHolder(new CrossSiteGuard()), path, EnumSet.of(DispatcherType.REQUEST));
    }
    List<MountedResource> resources = new ArrayList<>();
    for (LiveResource resource : Resources.ALL) {
      resources.add(LiveResources.install(context, live, resource, new SignedInWriters(sessions)));
    }
    context.addServlet(new ServletHolder("config", new ConfigServlet(mapper, realtime)), NoteApi.CONFIG_PATH);
    // Presence: a signed-in user may join presence-note-7 while note 7 exists (and so for every resource).
    IdentityEndpoints.install(context, mapper, sessions, new JsonBodies(mapper, MAX_SIGN_IN_BYTES), pusher, realtime,
        LiveResources.presencePolicy(resources.toArray(new MountedResource[0])));
    serveWebApp(context, config.webDir());

    // Jetty's own refusals answer in the same JSON error contract {error, message} as the API.
    server.setErrorHandler(new JsonErrorHandler());
    context.setErrorHandler(JsonErrorHandler.forServletContext());
    server.setHandler(context);
    server.setStopAtShutdown(true);
    try {
      server.start();
    } catch (Exception e) {
      pusher.close();
      database.close();
      throw e;
    }
    return new NotesServer(server, connector, database, pusher, channels);
  }

  /** The page and the compiled client: WEB_DIR, else the jar's {@code webapp/}, else {@code ./war}. */
  private static void serveWebApp(ServletContextHandler context, Path webDir) {
    ResourceFactory files = ResourceFactory.of(context);
    Resource bundled = files.newClassLoaderResource("webapp/index.html", false);
    Resource base = webDir != null ? files.newResource(webDir)
        : bundled != null && bundled.exists() ? files.newClassLoaderResource("webapp/", false)
        : Files.isDirectory(Path.of("war")) ? files.newResource(Path.of("war")) : null;
    if (base == null) {
      throw new IllegalStateException("No web app found: build with 'mvn package' or set WEB_DIR");
    }
    context.setBaseResource(base);
    ServletHolder holder = new ServletHolder("static", DefaultServlet.class);
    holder.setInitParameter("dirAllowed", "false");
    context.addServlet(holder, "/");
  }

  /** The port bound (useful when PORT was 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The URL to open, without a trailing slash. */
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
      channels.close(); // browsers are told to reconnect before their connections drop
    }
    server.stop();
    pusher.close();
    database.close();
  }
}
