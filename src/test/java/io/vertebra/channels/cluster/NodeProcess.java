package io.vertebra.channels.cluster;

import com.pusher.rest.Pusher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channels node in its own JVM ({@code Main channels} on the test classpath), so a test can kill it without
 * warning (SIGKILL): no shutdown hook runs, exactly like a crashed machine.
 */
final class NodeProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final int port;
  private final Pusher rest;

  private NodeProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    this.rest = new Pusher(ClusterTestNodes.APP_ID, ClusterTestNodes.KEY, ClusterTestNodes.SECRET);
    rest.setHost("127.0.0.1:" + port);
    rest.setRequestTimeout(30_000); // not 4 s: a loaded machine answers later (see TestApp)
  }

  /** Starts node {@code nodeId} of the cluster on {@code redis} and waits until it listens. */
  static NodeProcess start(RedisServer redis, String nodeId) throws Exception {
    return start(redis, nodeId, Map.of());
  }

  /** Starts node {@code nodeId} as above with {@code extraEnv} (e.g. an opt-in feature) in its environment. */
  static NodeProcess start(RedisServer redis, String nodeId, Map<String, String> extraEnv) throws Exception {
    Process process = launch(redis, nodeId, extraEnv);
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder banner = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      banner.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "node-output-" + nodeId);
        drain.setDaemon(true);
        drain.start();
        return new NodeProcess(process, Integer.parseInt(m.group(1)));
      }
    }
    process.destroyForcibly();
    throw new AssertionError("node " + nodeId + " did not start:\n" + banner);
  }

  /** How a node process that was expected not to start ended: its exit status and everything it printed. */
  record Exit(int status, List<String> output) {}

  /** Starts node {@code nodeId} expecting it to refuse to start; fails if it starts listening instead. */
  static Exit startRefused(RedisServer redis, String nodeId) throws Exception {
    Process process = launch(redis, nodeId);
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        output.add(line);
        if (LISTENING.matcher(line).find()) {
          process.destroyForcibly();
          throw new AssertionError("node " + nodeId + " started although it should have refused:\n" + output);
        }
      }
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("node " + nodeId + " did not exit:\n" + output);
    }
    return new Exit(process.exitValue(), output);
  }

  private static Process launch(RedisServer redis, String nodeId) throws Exception {
    return launch(redis, nodeId, Map.of());
  }

  private static Process launch(RedisServer redis, String nodeId, Map<String, String> extraEnv) throws Exception {
    Path dataDir = Files.createTempDirectory("vertebra-node-");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.vertebra.server.Main", "channels");
    Map<String, String> env = pb.environment();
    env.putAll(ClusterTestNodes.env(redis, nodeId));
    env.put("PORT", "0");
    env.put("HOST", "127.0.0.1");
    env.put("DATA_DIR", dataDir.toString());
    // No start-up warm-up (JarLauncherIT and WarmUpIT test it): these tests start and restart many nodes.
    env.put("CHANNELS_WARMUP", "0");
    env.putAll(extraEnv);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  int port() {
    return port;
  }

  Pusher rest() {
    return rest;
  }

  /** Kills the JVM with SIGKILL: it cannot say goodbye to the cluster. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    rest.close();
    kill();
  }
}
