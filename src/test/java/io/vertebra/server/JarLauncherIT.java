package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/vertebra.jar channels} with no JVM options runs the server in a child JVM it sized
 * ({@link JvmLauncher}); the launcher passes a stop on, and the child never outlives it.
 */
class JarLauncherIT {

  @TempDir
  Path dataDir;

  private final List<Process> started = new ArrayList<>();
  // What the last started server printed up to its "listening on" line.
  private final StringBuilder seen = new StringBuilder();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("no options: a sized child serves; SIGTERM to the launcher stops both, status 0")
  void sizedChildStopsWithItsLauncher() throws Exception {
    Process launcher = start();
    ProcessHandle child = onlyChild(launcher);
    String commandLine = String.join(" ", child.info().arguments().orElseThrow());
    assertTrue(commandLine.contains("-XX:+UseSerialGC") && commandLine.contains("-jar"), commandLine);
    launcher.destroy(); // SIGTERM
    assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "launcher still running");
    assertEquals(0, launcher.exitValue(), "the child's graceful stop, passed on");
    assertFalse(child.isAlive(), "the child stopped first");
  }

  @Test
  @DisplayName("the child halts when its launcher is killed (SIGKILL cannot be passed on)")
  void childDoesNotOutliveAKilledLauncher() throws Exception {
    Process launcher = start();
    ProcessHandle child = onlyChild(launcher);
    launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertTrue(child.onExit().get(20, TimeUnit.SECONDS) != null);
    assertFalse(child.isAlive());
  }

  @Test
  @DisplayName("a JVM option given by the user: the server runs in that JVM, as started")
  void userOptionsKeepOneProcess() throws Exception {
    Process server = start("-Xmx256m");
    assertEquals(0, server.descendants().count());
  }

  @Test
  @DisplayName("warm-up: loopback connections before the port is announced, none of them counted by the server")
  void warmUpBeforeListeningLeavesNoTrace() throws Exception {
    Process launcher = start(Map.of(WarmUp.VARIABLE, "200", "CHANNELS_APP_ID", "it-app"));
    String output = seen.toString();
    int warmUp = output.indexOf("Warm-up: ");
    assertTrue(warmUp >= 0 && warmUp < output.indexOf("listening on"), output);
    assertTrue(output.contains(" loopback connections and ") && output.contains(" events in "), output);
    Matcher port = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/").matcher(output);
    assertTrue(port.find(), output);
    HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port.group(1) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
    // The warm-up's server was another app in this JVM: this server has seen no connection and no API event.
    assertTrue(metrics.body().contains("vertebra_channels_connections_opened_total{app=\"it-app\"} 0"),
        metrics.body());
    assertTrue(metrics.body().contains("vertebra_channels_api_events_total{app=\"it-app\"} 0"), metrics.body());
    assertFalse(metrics.body().contains("warm-up"), metrics.body());
    assertEquals(1, launcher.children().count());
  }

  @Test
  @DisplayName("channels mode: the warm-up's storm of connections grows Jetty's pool to 8 threads per core at most")
  void channelsModeKeepsItsRequestThreadsFew() throws Exception {
    start(Map.of(WarmUp.VARIABLE, "200"));
    Matcher port = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/").matcher(seen.toString());
    assertTrue(port.find(), seen.toString());
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port.group(1) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    Matcher peak = Pattern.compile("(?m)^jvm_threads_peak (\\d+)").matcher(metrics);
    assertTrue(peak.find(), metrics);
    // The pool's maximum plus the JVM's and the server's other threads (~20 here); Jetty's default pool of 200
    // peaked at 126 threads in the same warm-up on 2 cores.
    int bound = Math.max(16, 8 * Runtime.getRuntime().availableProcessors()) + 40;
    assertTrue(Integer.parseInt(peak.group(1)) <= bound, "peak threads " + peak.group(1) + " over " + bound);
  }

  @Test
  @DisplayName("CHANNELS_WARMUP=0 starts without a warm-up")
  void warmUpCanBeTurnedOff() throws Exception {
    start(Map.of(WarmUp.VARIABLE, "0"));
    assertFalse(seen.toString().contains("Warm-up"), seen.toString());
  }

  private Process start(String... jvmOptions) throws IOException {
    return start(Map.of(), jvmOptions);
  }

  // Starts the jar in channels mode with env added and waits for its "listening on" line.
  private Process start(Map<String, String> env, String... jvmOptions) throws IOException {
    Path jar = Path.of(System.getProperty("vertebra.jar", "target/vertebra.jar"));
    assertTrue(Files.exists(jar), "package the jar first: " + jar);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString(), "channels"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().remove("_JAVA_OPTIONS");
    pb.environment().put("PORT", "0");
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("DATA_DIR", dataDir.toString());
    pb.environment().putAll(env);
    Process process = pb.start();
    started.add(process);
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    seen.setLength(0);
    for (String line; (line = out.readLine()) != null; ) {
      seen.append(line).append('\n');
      if (line.contains("listening on")) {
        Thread drain = new Thread(() -> {
          try {
            out.lines().forEach(l -> { });
          } catch (java.io.UncheckedIOException ended) {
            // the process ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    throw new AssertionError("the server ended before listening:\n" + seen);
  }

  private static ProcessHandle onlyChild(Process launcher) {
    List<ProcessHandle> children = launcher.children().toList();
    assertEquals(1, children.size(), "one child JVM: " + children);
    return children.get(0);
  }
}
