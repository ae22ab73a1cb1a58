package io.vertebra.reliability;

import io.vertebra.bench.ServerProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged app ({@code java -jar target/vertebra.jar}) as a child process that can be killed, terminated and
 * started again on the same port and DATA_DIR, as an operator's process supervisor would.
 */
final class JarServer implements AutoCloseable {

  private final Map<String, String> env = new HashMap<>();
  private final String mode;
  private final int port;
  private ServerProcess process;

  /** A server in {@code mode} ({@code serve} or {@code channels}) on a free port; not started yet. */
  JarServer(String mode, Path dataDir, Map<String, String> extraEnv) throws Exception {
    this.mode = mode;
    this.port = ServerProcess.freePort();
    env.putAll(extraEnv);
    env.put("HOST", "127.0.0.1");
    env.put("PORT", Integer.toString(port));
    env.put("DATA_DIR", dataDir.toString());
  }

  /** Starts the process and returns once it accepts connections; returns the startup time in ms. */
  long start() throws Exception {
    long begin = System.nanoTime();
    process = ServerProcess.start(List.of(ServerProcess.java(), "-Xmx512m", "-jar", jar(), mode), env,
        "listening on");
    return (System.nanoTime() - begin) / 1_000_000;
  }

  /** The running child process. */
  ServerProcess process() {
    return process;
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private static String jar() {
    String jar = System.getProperty("vertebra.jar", "target/vertebra.jar");
    if (!Path.of(jar).toFile().isFile()) {
      throw new IllegalStateException(jar + " is missing: run mvn -q package -DskipTests first");
    }
    return jar;
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.kill();
    }
  }
}
