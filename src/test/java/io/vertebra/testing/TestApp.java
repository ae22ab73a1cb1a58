package io.vertebra.testing;

import com.pusher.rest.Pusher;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.posts.server.TestServers;
import io.vertebra.server.AppServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole app on a free loopback port with a throw-away DATA_DIR (deleted after), as a JUnit 5 extension, so
 * that integration tests do not each write their own start and stop. As a {@code static} field it serves all
 * tests of the class (started before the class's {@code @BeforeAll} methods, closed after its {@code @AfterAll}
 * methods); as an instance field each test gets a fresh app.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestApp APP = TestApp.serve();
 *
 * @Test void servesThePage() { assertEquals(200, new ApiClient(APP.baseUrl()).get("/").status()); }
 * }</pre>
 *
 * <p>A test method's {@link ApiClient} parameter gets a new browser-like client of the app (no session yet).
 * {@link #start()} and {@link #close()} also work by hand, for helpers that wrap it.
 */
public final class TestApp implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
    ParameterResolver, AutoCloseable {

  private final AppServer.Mode mode;
  private final Map<String, String> env;
  private Path dataDir;
  private AppServer server;
  private boolean perClass;

  private TestApp(AppServer.Mode mode, Map<String, String> env) {
    this.mode = mode;
    this.env = Map.copyOf(env);
  }

  /** The reference app ({@code serve} mode: web app, REST API, embedded channels server). */
  public static TestApp serve() {
    return serve(Map.of());
  }

  /** The reference app with extra environment {@code env} (e.g. WEB_DIR, DATABASE_URL, CHANNELS_* options). */
  public static TestApp serve(Map<String, String> env) {
    return new TestApp(AppServer.Mode.SERVE, env);
  }

  /** The channels server alone ({@code channels} mode). */
  public static TestApp channels() {
    return new TestApp(AppServer.Mode.CHANNELS, Map.of());
  }

  /** Creates the data folder and starts the server. */
  public void start() throws Exception {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    dataDir = TempDirs.create("vertebra-it-");
    try {
      server = TestServers.start(dataDir, env, mode);
    } catch (Exception | Error e) {
      TempDirs.deleteTree(dataDir);
      throw e;
    }
  }

  /** Stops the server and starts it again on the same DATA_DIR (on a new port), as a redeploy would. */
  public void restart() throws Exception {
    server().close();
    server = null; // if the new start fails, server() says so instead of handing out the closed server
    server = TestServers.start(dataDir, env, mode);
  }

  /** The running server. */
  public AppServer server() {
    if (server == null) {
      throw new IllegalStateException("the app is not running: register TestApp with @RegisterExtension");
    }
    return server;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return server().baseUrl();
  }

  /** A pusher-http-java client with the app's credentials, pointed at its embedded channels server; close it. */
  public Pusher newRestClient() {
    RealtimeSettings realtime = server().realtime();
    Pusher rest = new Pusher(realtime.appId(), realtime.key(), realtime.secret());
    rest.setHost("127.0.0.1:" + server().port());
    // Not the library's 4 s: on a loaded 2-core machine a trigger could give up before it was even sent (no
    // status, no event), and a test then waited in vain for an event that had never been triggered.
    rest.setRequestTimeout(30_000);
    return rest;
  }

  /** The app's DATA_DIR (channels credentials, session key, database files). */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server (if running) and deletes the data folder. */
  @Override
  public void close() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      if (dataDir != null) {
        TempDirs.deleteTree(dataDir);
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ApiClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new ApiClient(baseUrl());
  }

  // JUnit calls the *All callbacks only for static fields: without them the field is an instance field, and the
  // app lives for one test.
  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      close();
    }
  }
}
