package __PACKAGE__.server;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.live.LiveResource;
import io.vertebra.kit.live.LiveResources;
import io.vertebra.kit.live.LiveServices;
import io.vertebra.kit.live.MountedResource;
import io.vertebra.kit.server.ModuleContext;
import io.vertebra.kit.server.VertebraServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's server: Vertebra's {@link VertebraServer} (embedded Jetty 12 with its HTTP edge, the embedded
 * Pusher-compatible channels server or hosted Pusher by {@code PUSHER_URL}, the database, sign-in and pusher-js
 * auth, {@code /api/config}, the web app, {@code /healthz} and {@code /metrics}) with the app's live resources
 * ({@link Resources}) as its module. Configured by the environment ({@code PORT}, {@code DATA_DIR},
 * {@code DATABASE_URL}...: Vertebra's README).
 */
public final class NotesServer {

  private NotesServer() {}

  /** Starts the server; returns once it accepts connections. */
  public static VertebraServer start(Config config) throws Exception {
    return VertebraServer.builder(config).module(NotesServer::installResources).start();
  }

  /**
   * Serves every live resource, written by signed-in users only, and lets signed-in users join a record's presence
   * channel ({@code presence-note-7}) while the record exists.
   */
  static void installResources(ModuleContext context) {
    LiveServices services = new LiveServices(context.database(), context.events(), context.mapper(),
        context.clock());
    List<MountedResource> mounted = new ArrayList<>();
    for (LiveResource resource : Resources.ALL) {
      mounted.add(LiveResources.install(context.servlets(), services, resource,
          new SignedInWriters(context.sessions())));
      context.limitBodies(resource.path(), resource.maxBodyBytes());
    }
    context.allowChannels(LiveResources.presencePolicy(mounted.toArray(new MountedResource[0])));
  }
}
