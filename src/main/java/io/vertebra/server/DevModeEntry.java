package io.vertebra.server;

import io.vertebra.kit.config.Config;
import java.util.HashMap;
import java.util.Map;

/** Starts the full server for GWT DevMode (see io.vertebra.devmode.Jetty12Launcher), serving war/ directly. */
public final class DevModeEntry {

  private DevModeEntry() {}

  /** Starts the server on {@code host:port} serving {@code warDir}; the environment supplies everything else. */
  public static AppServer start(String host, int port, String warDir) throws Exception {
    LevelRoutedLog.install(); // the console shows INFO lines as [INFO], warnings as [WARNING]
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOST", host);
    env.put("PORT", Integer.toString(port));
    env.put("WEB_DIR", warDir);
    // DevMode runs in target/; keep development data beside war/ so 'mvn clean' does not wipe it.
    env.putIfAbsent("DATA_DIR", java.nio.file.Path.of(warDir).resolveSibling("data").toString());
    AppServer server = AppServer.start(Config.from(env), AppServer.Mode.SERVE);
    System.out.println("Realtime: " + server.realtime().describe());
    return server;
  }
}
