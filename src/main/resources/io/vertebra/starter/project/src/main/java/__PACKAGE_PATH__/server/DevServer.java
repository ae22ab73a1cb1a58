package __PACKAGE__.server;

import io.vertebra.kit.config.Config;
import io.vertebra.kit.server.VertebraServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server of {@code mvn gwt:devmode}: started by Vertebra's DevMode launcher (pom.xml names this class) on
 * DevMode's port, serving {@code war/} directly so Super Dev Mode's scripts are picked up on each page load.
 */
public final class DevServer {

  private DevServer() {}

  /** Starts the app on {@code host:port} serving {@code warDir}; the environment supplies everything else. */
  public static VertebraServer start(String host, int port, String warDir) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HOST", host);
    env.put("PORT", Integer.toString(port));
    env.put("WEB_DIR", warDir);
    // DevMode runs in target/: development data goes beside war/, where 'mvn clean' leaves it.
    env.putIfAbsent("DATA_DIR", Path.of(warDir).resolveSibling("data").toString());
    return NotesServer.start(Config.from(env)).announce("__TITLE__ (development)");
  }
}
