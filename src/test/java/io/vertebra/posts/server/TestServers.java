package io.vertebra.posts.server;

import io.vertebra.kit.config.Config;
import io.vertebra.server.AppServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the whole app (REST API, embedded channels server) on a free loopback port for tests. */
public final class TestServers {

  private TestServers() {}

  /** Serves with its data in {@code dataDir} and the extra environment {@code env} (e.g. DATABASE_URL). */
  public static AppServer serve(Path dataDir, Map<String, String> env) throws Exception {
    return start(dataDir, env, AppServer.Mode.SERVE);
  }

  /** Starts in {@code mode} ({@code serve} or {@code channels}) with its data in {@code dataDir} and {@code env}. */
  public static AppServer start(Path dataDir, Map<String, String> env, AppServer.Mode mode) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("PORT", "0");
    all.put("HOST", "127.0.0.1");
    all.put("DATA_DIR", dataDir.toString());
    return AppServer.start(Config.from(all), mode);
  }
}
