package io.vertebra.posts.server;

import io.vertebra.server.AppServer;
import io.vertebra.server.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the whole app (REST API, embedded channels server) on a free loopback port for tests. */
public final class TestServers {

  private TestServers() {}

  /** Serves with its data in {@code dataDir} and the extra environment {@code env} (e.g. DATABASE_URL). */
  public static AppServer serve(Path dataDir, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("PORT", "0");
    all.put("HOST", "127.0.0.1");
    all.put("DATA_DIR", dataDir.toString());
    return AppServer.start(Config.from(all), AppServer.Mode.SERVE);
  }
}
