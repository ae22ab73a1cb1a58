package io.vertebra.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.testing.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's development loop, {@code mvn gwt:devmode}, run as a developer runs it but with no display (DISPLAY and
 * WAYLAND_DISPLAY removed, and no xvfb needed): it serves the app through Vertebra's own server, the Super Dev Mode
 * code server compiles the client, and the console is clean. When it cannot start, Maven fails (status 1) with one
 * line saying so, instead of the BUILD SUCCESS with nothing served that a headless machine used to get.
 */
class DevModeIT {

  private static final long START_BOUND_S = 240; // module setup alone took 20-35 s on a loaded 2-core machine

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("headless gwt:devmode serves the app and the code server, with a clean console")
  void servesHeadless() throws Exception {
    int port = FreePorts.next();
    int codeServerPort = FreePorts.next();
    long begin = System.nanoTime();
    DevMode devMode = DevMode.start(port, codeServerPort, dataDir);
    try {
      assertTrue(devMode.awaitReady(), "no '" + HeadlessDevMode.READY + "' line; output:\n" + devMode.output());
      long ready = millisSince(begin);
      HttpResponse<String> page = get("http://127.0.0.1:" + port + "/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("posts/posts.nocache.js"), page.body());
      assertEquals(200, get("http://127.0.0.1:" + port + "/api/config").statusCode(), "Vertebra's server, not GWT's");
      // What a page load asks of the code server: compile the module (Super Dev Mode recompiles on each load).
      long compileStart = System.nanoTime();
      assertCompiled(get("http://127.0.0.1:" + codeServerPort + "/recompile/posts?user.agent=safari"));
      long firstCompile = millisSince(compileStart);
      compileStart = System.nanoTime();
      assertCompiled(get("http://127.0.0.1:" + codeServerPort + "/recompile/posts?user.agent=safari"));
      System.out.printf("DevModeIT: mvn gwt:devmode ready after %d ms; first compile %d ms, next (no change) %d ms%n",
          ready, firstCompile, millisSince(compileStart));
    } finally {
      devMode.stop();
    }
    String output = devMode.output();
    assertFalse(output.contains("HeadlessException"), output);
    assertFalse(output.contains("No SLF4J providers"), output);
    assertFalse(output.lines().anyMatch(l -> l.startsWith("[WARNING]") && l.contains(":INFO :")),
        "server INFO lines shown as warnings:\n" + output);
    assertTrue(output.lines().anyMatch(l -> l.startsWith("[INFO]") && l.contains(":INFO :")),
        "server INFO lines shown as [INFO]:\n" + output);
  }

  @Test
  @DisplayName("gwt:devmode that cannot start (its port is taken) fails the build with one clear line")
  void failsClearlyWhenItCannotStart() throws Exception {
    int port = FreePorts.next();
    try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      DevMode devMode = DevMode.start(port, FreePorts.next(), dataDir);
      try {
        Integer status = devMode.awaitExit();
        String output = devMode.output();
        assertNotEquals(null, status, "still running with its port taken:\n" + output);
        assertNotEquals(0, status.intValue(), output);
        assertTrue(output.contains("devmode: failed to start, nothing is served"), output);
        assertTrue(output.contains("BUILD FAILURE") && !output.contains("BUILD SUCCESS"), output);
      } finally {
        devMode.stop();
      }
    }
  }

  private static void assertCompiled(HttpResponse<String> compiled) {
    assertEquals(200, compiled.statusCode(), compiled.body());
    assertTrue(compiled.body().replace(" ", "").contains("\"status\":\"ok\""), compiled.body());
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(START_BOUND_S)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code mvn gwt:devmode} in this project, as a child process whose output is collected. */
  private static final class DevMode {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch ready = new CountDownLatch(1);

    private DevMode(Process process) {
      this.process = process;
      Thread reader = new Thread(this::read, "devmode-output");
      reader.setDaemon(true);
      reader.start();
    }

    static DevMode start(int port, int codeServerPort, Path dataDir) throws IOException {
      Path basedir = Path.of(System.getProperty("vertebra.target", "target")).toAbsolutePath().getParent();
      List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "gwt:devmode",
          "-Ddevmode.port=" + port, "-Ddevmode.codeServerPort=" + codeServerPort));
      String repository = System.getProperty("vertebra.localRepository");
      if (repository != null) {
        command.add("-Dmaven.repo.local=" + repository); // where this build resolved everything (offline below)
      }
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(basedir.toFile()).redirectErrorStream(true);
      pb.environment().remove("DISPLAY");
      pb.environment().remove("WAYLAND_DISPLAY");
      pb.environment().put("DATA_DIR", dataDir.toString());
      return new DevMode(pb.start());
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          output.append(line).append('\n');
          if (line.contains(HeadlessDevMode.READY)) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        output.append("(output ended: ").append(e).append(")\n");
      }
    }

    boolean awaitReady() throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_BOUND_S);
      while (System.nanoTime() < end && process.isAlive()) {
        if (ready.await(200, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return ready.getCount() == 0;
    }

    Integer awaitExit() throws InterruptedException {
      return process.waitFor(START_BOUND_S, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    String output() {
      return output.toString().replaceAll("\u001B\\[[0-9;]*m", "");
    }

    /** Stops Maven and the DevMode JVM it started (the JVM is Maven's child, so it is stopped first). */
    void stop() throws InterruptedException {
      List<ProcessHandle> children = process.descendants().collect(Collectors.toList());
      children.forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
