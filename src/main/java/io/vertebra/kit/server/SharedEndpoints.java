package io.vertebra.kit.server;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.identity.ConfigServlet;
import io.vertebra.kit.identity.IdentityApi;
import io.vertebra.kit.identity.IdentityEndpoints;
import io.vertebra.kit.store.BackupServlet;
import io.vertebra.kit.store.Backups;
import io.vertebra.kit.web.BodyGate;
import io.vertebra.kit.web.ClientRate;
import io.vertebra.kit.web.CrossSiteGuard;
import io.vertebra.kit.web.JsonBodies;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The endpoints every full server has whatever its modules: sign-in and pusher-js auth, {@code /api/config}, the
 * backup, a JSON 404 for unknown {@code /api/} URLs, and the cross-site guard over {@code /api/} and {@code /pusher/}.
 */
final class SharedEndpoints {

  private SharedEndpoints() {}

  static void install(ServletContextHandler context, Config config, RealtimeSettings realtime,
      SharedServices services, Contributions modules, int maxBodyBytes) throws IOException {
    // Cookie-authenticated writes refuse cross-site browser requests (CSRF), behind the cookie's SameSite=Lax.
    for (String path : new String[] {"/api/*", "/pusher/*"}) {
      context.addFilter(new FilterHolder(new CrossSiteGuard()), path, EnumSet.of(DispatcherType.REQUEST));
    }
    limitSignIns(context, config.http().signInsPerClient());
    // The modules add their channel policies after this: the combined policy reads them when asked.
    IdentityEndpoints.install(context, services.mapper(), services.sessions(),
        new JsonBodies(services.mapper(), maxBodyBytes), services.pusher(), realtime, modules.channelPolicy());
    context.addServlet(new ServletHolder("config", new ConfigServlet(services.mapper(), realtime)),
        VertebraServer.CONFIG_PATH);
    Backups backups = new Backups(services.database(), config.dataDir(), services.clock());
    backups.tightenExisting();
    context.addServlet(new ServletHolder("backup", new BackupServlet(services.mapper(), backups,
        realtime.secret())), VertebraServer.BACKUP_PATH);
    context.addServlet(new ServletHolder("api-not-found", new UnknownApiServlet(services.mapper())), "/api/*");
  }

  /** pusher-js's small forms and the sign-in (a display name: anyone may send it, so it gets the least). */
  static List<BodyGate.Limit> bodyLimits() {
    return List.of(new BodyGate.Limit("/pusher/", IdentityEndpoints.MAX_FORM_BYTES),
        new BodyGate.Limit(IdentityApi.SESSION_PATH, IdentityEndpoints.MAX_FORM_BYTES));
  }

  /**
   * Each sign-in makes a new identity: one client may make only so many (SIGN_INS_PER_CLIENT at once, as many
   * more per hour), so it cannot fill a presence channel with throw-away users.
   */
  private static void limitSignIns(ServletContextHandler context, int perClient) {
    if (perClient > 0) {
      context.addFilter(new FilterHolder(new ClientRate("POST", "sign-ins", perClient, Duration.ofHours(1))),
          IdentityApi.SESSION_PATH + "/*", EnumSet.of(DispatcherType.REQUEST));
    }
  }
}
