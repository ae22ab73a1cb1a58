package io.vertebra.posts.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.files.OwnerOnly;
import io.vertebra.kit.identity.IdentityEndpoints;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.realtime.PusherClients;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.kit.store.Backups;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.DatabaseHealth;
import io.vertebra.kit.store.SessionStore;
import io.vertebra.kit.web.ApiException;
import io.vertebra.kit.web.CrossSiteGuard;
import io.vertebra.kit.web.JsonBodies;
import io.vertebra.kit.web.JsonServlet;
import io.vertebra.posts.server.api.BackupServlet;
import io.vertebra.posts.server.api.ConfigServlet;
import io.vertebra.posts.server.api.PostsServlet;
import io.vertebra.posts.server.realtime.PostEventPublisher;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.server.store.PostsDatabase;
import io.vertebra.posts.shared.PostApi;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The posts backend wired into a servlet context: the database (opened and migrated here), the REST API, the
 * identity and pusher-js auth endpoints, {@code /api/config}, and the realtime trigger publisher. It closes its
 * database and realtime client when the context stops.
 */
public final class PostsBackend implements ServletContextListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostsBackend.class);
  private static final String ATTRIBUTE = PostsBackend.class.getName();

  private final Database database;
  private final PusherAsync pusher;
  private final PostStore store;
  private final PostEventPublisher events;

  private PostsBackend(Database database, PusherAsync pusher, PostStore store, PostEventPublisher events) {
    this.database = database;
    this.pusher = pusher;
    this.store = store;
    this.events = events;
  }

  /** Installs the backend with default options. */
  public static PostsBackend install(ServletContextHandler context, Config config, RealtimeSettings realtime)
      throws IOException {
    return install(context, config, realtime, PostsOptions.defaults());
  }

  /** Installs the backend: opens the database from {@code config}, triggers through {@code realtime}. */
  public static PostsBackend install(ServletContextHandler context, Config config, RealtimeSettings realtime,
      PostsOptions options) throws IOException {
    OwnerOnly.folder(config.dataDir());
    ObjectMapper mapper = new ObjectMapper();
    Database database = PostsDatabase.open(config.databaseUrl(), config.dataDir());
    Sessions sessions;
    try {
      sessions = Sessions.open(config.sessionSecret(), config.dataDir(), mapper, options.clock(),
          new SessionStore(database, options.clock()));
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    // The master key (if any) serves the triggers and /pusher/auth alike: both use this one client.
    PusherAsync pusher = PusherClients.create(realtime, config.encryptionMasterKey());
    PostJson json = new PostJson(mapper);
    PostStore store = new PostStore(database, options.clock());
    PostEventPublisher events = new PostEventPublisher(pusher, json);
    PostsBackend backend = new PostsBackend(database, pusher, store, events);

    // Cookie-authenticated writes refuse cross-site browser requests (CSRF), behind the cookie's SameSite=Lax.
    for (String path : new String[] {"/api/*", "/pusher/*"}) {
      context.addFilter(new FilterHolder(new CrossSiteGuard()), path, EnumSet.of(DispatcherType.REQUEST));
    }
    JsonBodies bodies = new JsonBodies(mapper, options.maxBodyBytes());
    context.addServlet(new ServletHolder("posts", new PostsServlet(store, json, bodies, sessions, events)),
        PostApi.POSTS_PATH + "/*");
    context.addServlet(new ServletHolder("config", new ConfigServlet(mapper, realtime)), PostApi.CONFIG_PATH);
    Backups backups = new Backups(database, config.dataDir(), options.clock());
    backups.tightenExisting();
    context.addServlet(new ServletHolder("backup", new BackupServlet(mapper, backups, realtime.secret())),
        BackupServlet.PATH);
    IdentityEndpoints.install(context, mapper, sessions, bodies, pusher, realtime,
        new PostPresencePolicy(store));
    context.addServlet(new ServletHolder("api-not-found", new UnknownApiServlet(mapper)), "/api/*");
    context.setAttribute(ATTRIBUTE, backend);
    context.addEventListener(backend);
    LOG.info("Posts database: {}", database.describe());
    return backend;
  }

  /** The backend installed in this servlet context, or null (for operations endpoints such as metrics). */
  public static PostsBackend from(ServletContext context) {
    return (PostsBackend) context.getAttribute(ATTRIBUTE);
  }

  /** The app's database: the other apps of this server (TodoMVC) keep their tables there too. */
  public Database database() {
    return database;
  }

  /** The realtime client the backend triggers through, for the other apps of this server; closed with it. */
  public PusherAsync pusher() {
    return pusher;
  }

  /** The backend's metrics: realtime triggers and the database pool. */
  public MetricSource metrics() {
    return new PostsMetrics(events.stats(), database);
  }

  /** The backend's part of {@code /healthz}: the database answers. */
  public HealthCheck health() {
    return new DatabaseHealth(database);
  }

  /** Counters of realtime triggers (failures are logged and counted here). */
  public TriggerStats triggerStats() {
    return events.stats();
  }

  /** The post storage. */
  public PostStore store() {
    return store;
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    close();
  }

  @Override
  public void close() {
    try {
      pusher.close();
    } catch (Exception e) {
      LOG.warn("Closing the realtime client failed", e);
    }
    database.close();
  }

  /** JSON 404 for any other {@code /api/...} URL, instead of the static files' HTML page. */
  private static final class UnknownApiServlet extends JsonServlet {
    UnknownApiServlet(ObjectMapper mapper) {
      super(mapper);
    }

    @Override
    protected Map<String, Handler> route(HttpServletRequest request) {
      throw ApiException.notFound("No such URL: " + request.getRequestURI());
    }
  }
}
