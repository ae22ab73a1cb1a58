package io.vertebra.kit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.channels.ChannelsServer;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.web.BodyGate;
import io.vertebra.kit.web.CrossSiteGuard;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.util.resource.Resource;

/**
 * What a {@link Module} gets while the server starts: the servlet context to add endpoints to, and the things the
 * server holds once for every module — configuration, the database, sessions, the realtime client. Endpoints under
 * {@code /api/} and {@code /pusher/} already have the cross-site write guard, the JSON error contract and the body
 * limits of the server; a module only says what it adds.
 *
 * <p>On a channels-only server ({@link VertebraServer.Builder#channelsOnly()}) there is no database, no sessions and
 * no realtime client: those methods throw {@link IllegalStateException} there.
 */
public final class ModuleContext {

  private final ServletContextHandler servlets;
  private final Config config;
  private final RealtimeSettings realtime;
  private final ChannelsServer channels;
  private final Resource webApp;
  private final SharedServices services;
  private final Contributions contributions;

  ModuleContext(ServletContextHandler servlets, Config config, RealtimeSettings realtime, ChannelsServer channels,
      Resource webApp, SharedServices services, Contributions contributions) {
    this.servlets = servlets;
    this.config = config;
    this.realtime = realtime;
    this.channels = channels;
    this.webApp = webApp;
    this.services = services;
    this.contributions = contributions;
  }

  /** The Jetty servlet context everything is served from (root path {@code /}), for what the helpers below lack. */
  public ServletContextHandler servlets() {
    return servlets;
  }

  /** The deployment configuration (environment variables, README's table). */
  public Config config() {
    return config;
  }

  /** The realtime service the server triggers through and browsers connect to (embedded unless PUSHER_URL). */
  public RealtimeSettings realtime() {
    return realtime;
  }

  /** The embedded channels server (for its state), or null when the realtime service is external. */
  public ChannelsServer channels() {
    return channels;
  }

  /** The web app folder (host pages, compiled clients, pusher-js), or null when none was found. */
  public Resource webApp() {
    return webApp;
  }

  /** True on a channels-only server: no database, sessions or realtime client then. */
  public boolean channelsOnly() {
    return services == null;
  }

  /** The one database of this server (SQLite in DATA_DIR, or DATABASE_URL), migrated to the builder's schema. */
  public Database database() {
    return services().database();
  }

  /** Who is signed in: {@code sessions().require(request)} answers 401 for a write without a session. */
  public Sessions sessions() {
    return services().sessions();
  }

  /** The pusher-http-java client of the realtime service, shared by all modules; closed with the server. */
  public PusherAsync pusher() {
    return services().pusher();
  }

  /** A trigger on {@link #pusher()} with size checks, {@code X-Socket-Id} exclusion and its own counters. */
  public EventTrigger events() {
    return new EventTrigger(pusher());
  }

  /** The JSON mapper the server's own endpoints use. */
  public ObjectMapper mapper() {
    return services().mapper();
  }

  /** The clock of record times and session expiry (the builder's; the system's UTC clock by default). */
  public Clock clock() {
    return services().clock();
  }

  /**
   * Serves {@code servlet} at {@code pathSpec} (servlet syntax: {@code /api/notes/*}, {@code /exact}). Outside
   * {@code /api/} and {@code /pusher/}, a servlet that takes cookie-authenticated writes should also get
   * {@link #filter} with a {@link CrossSiteGuard}.
   */
  public void serve(String pathSpec, HttpServlet servlet) {
    servlets.addServlet(new ServletHolder(pathSpec, servlet), pathSpec);
  }

  /** Runs {@code filter} before the servlets of {@code pathSpec}, for requests from clients (not dispatches). */
  public void filter(String pathSpec, Filter filter) {
    servlets.addFilter(new FilterHolder(filter), pathSpec, EnumSet.of(DispatcherType.REQUEST));
  }

  /**
   * Lets signed-in users join the private and presence channels {@code policy} allows ({@code /pusher/auth}). A
   * channel is allowed when any module's policy allows it; with no policy at all, none is.
   */
  public void allowChannels(ChannelPolicy policy) {
    contributions.policies.add(policy);
  }

  /** Adds {@code source}'s series to {@code GET /metrics}. */
  public void metrics(MetricSource source) {
    contributions.metrics.add(source);
  }

  /** Adds {@code check} to {@code GET /healthz} (the database and the channels server are checked already). */
  public void health(HealthCheck check) {
    contributions.checks.add(check);
  }

  /**
   * Request bodies under {@code pathPrefix} may be at most {@code maxBytes} (else 413, before any servlet runs);
   * elsewhere the builder's {@link VertebraServer.Builder#maxBodyBytes}.
   */
  public void limitBodies(String pathPrefix, int maxBytes) {
    contributions.bodyLimits.add(new BodyGate.Limit(pathPrefix, maxBytes));
  }

  /** Closes {@code resource} when the server stops, after requests are done and before the database closes. */
  public void closeOnStop(AutoCloseable resource) {
    contributions.closeOnStop.add(resource);
  }

  private SharedServices services() {
    if (services == null) {
      throw new IllegalStateException("A channels-only server has no database, sessions or realtime client");
    }
    return services;
  }
}
