package io.vertebra.kit.server;

import io.vertebra.channels.ChannelsServer;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.identity.ConfigServlet;
import io.vertebra.kit.store.BackupServlet;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.Schema;
import io.vertebra.kit.store.SessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A complete Vertebra server on one port, for a team's own app: embedded Jetty 12 with the HTTP edge (TLS, trusted
 * proxies, Host check, per-client limits, body limits, gzip, security headers, JSON errors everywhere), the embedded
 * Pusher-compatible channels server (unless {@code PUSHER_URL} names an external one), the database, sessions with
 * {@code /api/session}, {@code /pusher/auth} and {@code /pusher/user-auth}, {@code /api/config} for pusher-js, the
 * static web app, {@code /healthz}, {@code /metrics}, {@code /admin/backup} and a graceful stop. The app adds its own
 * endpoints as {@link Module}s.
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *   VertebraServer server = VertebraServer.builder(Config.fromEnvironment())
 *       .schema(NotesSchema.SCHEMA)          // the app's tables, and SessionStore.TABLES for sign-ins
 *       .module(new NotesModule())           // the app's endpoints
 *       .start();
 *   server.stopOnSignals().announce("Notes");
 *   server.join();
 * }
 * }</pre>
 *
 * <p>Tests start it on port 0 ({@code PORT=0}) and {@link #close()} it themselves.
 */
public final class VertebraServer implements AutoCloseable {

  /** {@code GET}: the health report (200 when every check passes, else 503). */
  public static final String HEALTH_PATH = "/healthz";
  /** {@code GET}: Prometheus text. */
  public static final String METRICS_PATH = "/metrics";
  /** {@code GET}: the options the browser's pusher-js needs, never the secret. */
  public static final String CONFIG_PATH = ConfigServlet.PATH;
  /** {@code POST} with the realtime app secret: an online backup of the embedded database. */
  public static final String BACKUP_PATH = BackupServlet.PATH;
  /** The largest request body where no module set a limit: 256 KiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
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

  /** Opens the server's database (for an app that needs more than a {@link Schema}, e.g. an import first). */
  @FunctionalInterface
  public interface DatabaseOpener {
    /**
     * @param databaseUrl DATABASE_URL, or null for the embedded SQLite file in {@code dataDir}
     * @param dataDir DATA_DIR
     */
    Database open(String databaseUrl, Path dataDir);
  }

  private final Server server;
  private final ServerConnector connector;
  private final RealtimeSettings realtime;
  private final ChannelsServer channels;
  private final SharedServices services;
  private final boolean channelsOnly;
  private final boolean tls;

  VertebraServer(Server server, ServerConnector connector, RealtimeSettings realtime, ChannelsServer channels,
      SharedServices services, boolean tls) {
    this.server = server;
    this.connector = connector;
    this.realtime = realtime;
    this.channels = channels;
    this.services = services;
    this.channelsOnly = services == null;
    this.tls = tls;
  }

  /** A server for {@code config} ({@link Config#fromEnvironment()} in a {@code main}); add modules, then start. */
  public static Builder builder(Config config) {
    return new Builder(config);
  }

  /** The realtime service this server uses (the embedded one unless PUSHER_URL is set). */
  public RealtimeSettings realtime() {
    return realtime;
  }

  /** The embedded channels server (for its state and stats), or null when an external realtime service is used. */
  public ChannelsServer channels() {
    return channels;
  }

  /** The server's database, or null on a channels-only server. */
  public Database database() {
    return services == null ? null : services.database();
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

  /**
   * Makes SIGTERM and SIGINT stop this server gracefully (requests in flight answered, realtime clients told to
   * reconnect) and then end the process with status 0. Call it before saying the server is up.
   */
  public VertebraServer stopOnSignals() {
    ShutdownSignals.install(this);
    return this;
  }

  /** Prints where the server listens and which realtime service it uses (never a secret in full). */
  public VertebraServer announce(String name) {
    System.out.println(name + " listening on " + baseUrl() + "/");
    System.out.println("Realtime: " + (channelsOnly ? realtime.describeAsService() : realtime.describe()));
    return this;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops gracefully: realtime clients are told to reconnect, requests in flight are answered, then all closes. */
  @Override
  public void close() throws Exception {
    if (channels != null) {
      channels.close(); // clients are told to reconnect (4200) before the connections drop
    }
    server.stop();
  }

  /**
   * What the server serves and how. Everything is optional but {@link #module}s: with none, the server still serves
   * sign-in, pusher-js auth (refusing every channel), the web app and the operations endpoints.
   */
  public static final class Builder {

    final Config config;
    final List<Module> modules = new ArrayList<>();
    Path webDir;
    boolean staticFiles = true;
    DatabaseOpener database = (url, dataDir) -> Database.open(url, dataDir, Schema.of(SessionStore.TABLES),
        Database.BeforeOpen.NOTHING);
    Clock clock = Clock.systemUTC();
    int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    boolean channelsOnly;

    Builder(Config config) {
      this.config = Objects.requireNonNull(config, "config");
      this.webDir = config.webDir();
    }

    /** Adds a module; modules are installed in the order added. */
    public Builder module(Module module) {
      modules.add(Objects.requireNonNull(module, "module"));
      return this;
    }

    /**
     * Serves the web app from {@code folder} (host pages, compiled clients, {@code vendor/pusher.min.js}). By
     * default: WEB_DIR, else the {@code webapp/} folder on the class path (inside a packaged jar), else {@code ./war}.
     */
    public Builder webDir(Path folder) {
      this.webDir = folder;
      return this;
    }

    /** Serves no static files at all (an API-only server); by default a missing web app fails the start. */
    public Builder withoutStaticFiles() {
      this.staticFiles = false;
      return this;
    }

    /**
     * The database's migration steps. They must include {@link SessionStore#TABLES} as one step (sign-ins live
     * there); the default schema is only that step.
     */
    public Builder schema(Schema schema) {
      Objects.requireNonNull(schema, "schema");
      this.database = (url, dataDir) -> Database.open(url, dataDir, schema, Database.BeforeOpen.NOTHING);
      return this;
    }

    /** Opens the database with {@code opener} instead of from a {@link #schema}. */
    public Builder database(DatabaseOpener opener) {
      this.database = Objects.requireNonNull(opener, "opener");
      return this;
    }

    /** The clock of session expiry, and of records for modules that ask {@link ModuleContext#clock()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The largest request body where no module set a limit ({@link ModuleContext#limitBodies}); larger get 413. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive: " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Serves only the channels server (WebSocket and HTTP API, open to any origin by default) and the operations
     * endpoints: no database, no identity, no static files; modules still run (see {@link ModuleContext}).
     */
    public Builder channelsOnly() {
      this.channelsOnly = true;
      return this;
    }

    /**
     * Binds, opens the database, installs everything and starts; returns once the server accepts connections.
     *
     * @throws io.vertebra.channels.cluster.NodeIdInUseException when clustered with a node id a running node uses
     */
    public VertebraServer start() throws Exception {
      return ServerAssembly.start(this);
    }
  }
}
