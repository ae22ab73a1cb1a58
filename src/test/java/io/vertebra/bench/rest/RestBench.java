package io.vertebra.bench.rest;

import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.bench.ServerProcess;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REST benchmark: GET and PUT of one post and POST of new ones against a static file from the same server (the
 * baseline), closed loop,
 * the app run as {@code java -jar target/vertebra.jar} in its own process. System properties: {@code threads} (8),
 * {@code seconds} per scenario (10), {@code static} path of the baseline file (/index.html), {@code serverJvm},
 * {@code jar}. Writes target/benchmarks/rest.json. Any error fails the figure (reported, and exit status 1).
 */
public final class RestBench {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private RestBench() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.getInteger("threads", 8);
    long millis = Long.getLong("seconds", 10) * 1000;
    String staticPath = System.getProperty("static", "/index.html");
    List<String> jvm = List.of(System.getProperty("serverJvm", "-Xmx512m").trim().split("\\s+"));
    int port = ServerProcess.freePort();
    List<String> command = new java.util.ArrayList<>(List.of(ServerProcess.java()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", System.getProperty("jar", "target/vertebra.jar"), "serve"));
    String base = "http://127.0.0.1:" + port;
    Report report = new Report("rest").put("threads", threads).put("seconds", millis / 1000)
        .put("static_path", staticPath);
    long errors = 0;
    try (ServerProcess server = ServerProcess.start(command, Map.of("HOST", "127.0.0.1",
        "PORT", Integer.toString(port),
        "DATA_DIR", Scratch.directory("vertebra-rest-bench").toString()), "listening on")) {
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      send(http, "POST", base + "/api/session", "{\"name\":\"bench\"}", 200);
      long[] ids = new long[threads];
      for (int w = 0; w < threads; w++) {
        Matcher m = ID.matcher(send(http, "POST", base + "/api/posts",
            "{\"title\":\"Benchmark post " + w + "\",\"body\":\"A body of a typical short length for a post.\"}",
            201));
        if (!m.find()) {
          throw new IllegalStateException("no id in the created post");
        }
        ids[w] = Long.parseLong(m.group(1));
      }
      LoadDriver load = new LoadDriver(http, threads, 3000, millis);
      // The static file is served once first, unrecorded, so the baseline is not the run that warms the JVM up.
      load.run(w -> get(base + staticPath), 200);
      LoadDriver.Result stat = load.run(w -> get(base + staticPath), 200);
      LoadDriver.Result get = load.run(w -> get(base + "/api/posts/" + ids[w]), 200);
      LoadDriver.Result put = load.run(w -> HttpRequest.newBuilder(URI.create(base + "/api/posts/" + ids[w]))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(
              "{\"title\":\"Benchmark post " + w + "\",\"body\":\"An edited body of a typical short length.\"}"))
          .build(), 200);
      LoadDriver.Result post = load.run(w -> HttpRequest.newBuilder(URI.create(base + "/api/posts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"title\":\"Benchmark post by " + w + "\",\"body\":\"A new body of a typical short length.\"}"))
          .build(), 201);
      errors = put(report, "static", stat) + put(report, "get", get) + put(report, "put", put)
          + put(report, "post", post);
      report.ratio("ratio.get_vs_static_rps", get.requestsPerSecond(), stat.requestsPerSecond());
      report.ratio("ratio.put_vs_static_rps", put.requestsPerSecond(), stat.requestsPerSecond());
      report.ratio("ratio.get_vs_static_p99", get.latency().p99(), stat.latency().p99());
      report.ratio("ratio.put_vs_static_p99", put.latency().p99(), stat.latency().p99());
      report.ratio("ratio.post_vs_static_rps", post.requestsPerSecond(), stat.requestsPerSecond());
      report.put("errors", errors);
    }
    report.write();
    if (errors > 0) {
      System.exit(1);
    }
  }

  private static long put(Report r, String name, LoadDriver.Result x) {
    r.put(name + ".requests", x.requests()).put(name + ".requests_per_s", Report.round(x.requestsPerSecond()))
        .put(name + ".errors", x.errors()).put(name + ".latency", x.latency());
    return x.errors();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static String send(HttpClient http, String method, String url, String body, int status)
      throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != status) {
      throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
