package io.vertebra.library;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A team's server in a JVM of its own with exactly the class path given, reached over HTTP. */
final class KitAppProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)/");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CountDownLatch started = new CountDownLatch(1);
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile String baseUrl;

  private KitAppProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "kit-app-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs {@code mainClass} on {@code classpath} with {@code env} added, and waits until it says it listens. */
  static KitAppProcess start(List<Path> classpath, String mainClass, Map<String, String> env) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp",
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)), mainClass)
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    KitAppProcess app = new KitAppProcess(pb.start());
    if (!app.started.await(60, TimeUnit.SECONDS) || app.baseUrl == null) {
      app.close();
      throw new AssertionError("the kit app did not start:\n" + app.output);
    }
    return app;
  }

  /** One request; {@code cookie} ({@code name=value}) and {@code json} may be null. */
  HttpResponse<String> send(String method, String path, String json, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM and returns the exit status. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("no exit 30 s after SIGTERM:\n" + output);
    }
    return process.exitValue();
  }

  /** Everything the process printed so far. */
  String output() {
    return output.toString();
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        output.append(line).append('\n');
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          baseUrl = m.group(1);
          started.countDown();
        }
      }
    } catch (java.io.IOException e) {
      output.append("(output lost: ").append(e).append(")\n");
    } finally {
      started.countDown();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
