package io.vertebra.bench.slowbody;

import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.bench.ServerProcess;
import io.vertebra.security.SlowBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 21's slow-body attack against a jar in its own process, at several sizes, so that two builds can be
 * compared (e.g. one from before the body gate): for each size a fresh server, then half the connections to
 * {@code /api/posts} and half to {@code /apps/{id}/events}, each sending one body byte every {@code interval}
 * from {@code sources} loopback addresses, while {@code GET /api/posts?limit=1} and {@code /healthz} are timed
 * (15 s = an outage) one interval into the attack (every connection open, its headers and a first byte in) and
 * again two intervals later, and the server's threads are read from /proc. System properties: {@code jar}
 * (target/vertebra.jar), {@code levels} (connections per run, "100,200,300,400,800"), {@code intervalMillis} (5000),
 * {@code sources} (4), {@code serverJvm} (-Xmx512m). Writes target/benchmarks/slowbody.json.
 */
public final class SlowBodyBench {

  private static final String APP_ID = "424242";

  private SlowBodyBench() {}

  public static void main(String[] args) throws Exception {
    String jar = System.getProperty("jar", "target/vertebra.jar");
    int[] levels = Arrays.stream(System.getProperty("levels", "100,200,300,400,800").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    long interval = Long.getLong("intervalMillis", 5000);
    int sources = Integer.getInteger("sources", 4);
    Report report = new Report("slowbody").put("jar", jar).put("interval_ms", interval).put("sources", sources);
    for (int connections : levels) {
      run(jar, connections, interval, sources, report);
    }
    System.out.println("[slow-body] report: " + report.write());
  }

  private static void run(String jar, int connections, long interval, int sources, Report report)
      throws Exception {
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>(List.of(ServerProcess.java()));
    command.addAll(List.of(System.getProperty("serverJvm", "-Xmx512m").trim().split("\\s+")));
    command.addAll(List.of("-jar", jar, "serve"));
    Map<String, String> env = Map.of("HOST", "127.0.0.1", "PORT", Integer.toString(port),
        "DATA_DIR", Scratch.directory("vertebra-slowbody-bench").toString(), "CHANNELS_APP_ID", APP_ID,
        "CHANNELS_KEY", "slowbody-key", "CHANNELS_SECRET", "slowbody-secret-0123456789");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = "http://127.0.0.1:" + port;
    try (ServerProcess server = ServerProcess.start(command, env, "listening on")) {
      probe(http, base + "/api/posts?limit=1"); // warm-up, unrecorded
      long baseline = probe(http, base + "/api/posts?limit=1");
      int threadsBefore = threads(server.serverPid());
      int half = connections / 2;
      try (SlowBodies posts = new SlowBodies(port, "/api/posts", half, interval, sources);
          SlowBodies api = new SlowBodies(port, "/apps/" + APP_ID + "/events", connections - half, interval,
              sources)) {
        // Probed once every connection has sent its headers and a first body byte, and before a body deadline
        // (HTTP_BODY_TIMEOUT, 10 s) closes them: the state an attacker who reconnects keeps up; again later.
        Thread.sleep(interval + 1000);
        int threadsDuring = threads(server.serverPid());
        long api1 = probe(http, base + "/api/posts?limit=1");
        long health = probe(http, base + "/healthz");
        Thread.sleep(2 * interval);
        long api2 = probe(http, base + "/api/posts?limit=1");
        double rate = posts.bytesPerSecond() + api.bytesPerSecond();
        int closed = posts.closedByServer() + api.closedByServer();
        System.out.printf("[slow-body] %s: %d connections, %.0f B/s: GET /api/posts?limit=1 %d ms before, %d ms"
            + " after 1 interval, %d ms after 3; /healthz %d ms; server threads %d -> %d; connections closed by the"
            + " server after 3 intervals %d%n",
            Path.of(jar).getFileName(), connections, rate, baseline, api1, api2, health, threadsBefore,
            threadsDuring, closed);
        String key = "c" + connections + ".";
        report.put(key + "bytes_per_second", rate).put(key + "probe_before_ms", baseline)
            .put(key + "probe_during_ms", api1).put(key + "probe_later_ms", api2).put(key + "healthz_ms", health)
            .put(key + "threads_before", threadsBefore).put(key + "threads_during", threadsDuring)
            .put(key + "closed_by_server", closed);
      }
    }
  }

  /** Milliseconds until an answer (any status), 15,000 when none came within 15 s (an outage). */
  private static long probe(HttpClient http, String url) throws Exception {
    long start = System.nanoTime();
    try {
      http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      return 15_000;
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Live threads of a process, from /proc. */
  private static int threads(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no thread count for " + pid);
  }
}
