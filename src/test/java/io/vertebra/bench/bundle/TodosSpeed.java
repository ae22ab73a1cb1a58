package io.vertebra.bench.bundle;

import com.sun.net.httpserver.HttpServer;
import io.vertebra.bench.Load;
import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.kit.config.Config;
import io.vertebra.server.AppServer;
import io.vertebra.testing.Browsers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * TodoMVC speed against the Backbone example of tastejs/todomvc, in the same headless Chromium run, alternating load
 * by load (a new browser with a fresh profile each time): navigation start to a rendered list of N todos, then the
 * time from a click on {@code .toggle-all} to all N shown completed. Vertebra: {@code /todos/} of the real server
 * with N todos stored through its API (reset to active before each load). Backbone: the example's {@code dist/}
 * unchanged from a static server on 127.0.0.1; the example keeps its todos in memory (its {@code backbone.sync.js},
 * then a no-op {@code Backbone.sync}), so the same N todos are handed to its collection's first fetch by a script
 * that replaces {@code Backbone.sync} on DOMContentLoaded, before the app starts: reads answer the N todos at once
 * (as its former localStorage did), writes do nothing (as its page's own no-op).
 */
final class TodosSpeed {

  /** Records when the list first holds N items and, after the bench sets {@code __toggleFrom}, all N completed. */
  private static final String OBSERVER = "window.__listAt = 0; window.__toggleFrom = 0; window.__toggledAt = 0;"
      + " new MutationObserver(function() { var now = performance.now();"
      + "  if (!window.__listAt && document.querySelectorAll('.todo-list li').length >= %1$d) {"
      + "   window.__listAt = now; }"
      + "  if (window.__toggleFrom && !window.__toggledAt"
      + "   && document.querySelectorAll('.todo-list li.completed').length >= %1$d) { window.__toggledAt = now; }"
      + " }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});";

  /** The Backbone example's data: its collection's first read answers N active todos. */
  private static final String BACKBONE_SEED = "document.addEventListener('DOMContentLoaded', function() {"
      + " var seed = []; for (var i = 0; i < %1$d; i++) {"
      + "  seed.push({id: i, title: 'Todo ' + i, completed: false, order: i + 1}); }"
      + " window.Backbone.sync = function(method, model, options) {"
      + "  if (method === 'read' && options && options.success) { options.success(seed); } };"
      + "}, true);";

  private TodosSpeed() {}

  /** One load's figures. */
  record Sample(double listMs, double toggleMs) {}

  static void measure(Report report, Path war, Path todomvc, int loads, int todos) throws Exception {
    Path web = Scratch.directory("vertebra-bench-todos-web");
    Scratch.copyTree(war, web);
    report.put("todos_speed.todos", todos).put("todos_speed.loads", loads)
        .put("todos_speed.load_average_1min_before", Load.oneMinute());
    HttpServer peer = staticServer(TodoMvcPeers.backboneDist(todomvc));
    try (AppServer server = AppServer.start(Config.from(Map.of("PORT", "0", "WEB_DIR", web.toString(),
        "DATA_DIR", Scratch.directory("vertebra-bench-todos").toString())), AppServer.Mode.SERVE)) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < todos; i++) {
        call(http, "POST", server.baseUrl() + "/api/todos", "{\"title\":\"Todo " + i + "\",\"completed\":false}");
      }
      String ours = server.baseUrl() + "/todos/";
      String theirs = "http://127.0.0.1:" + peer.getAddress().getPort() + "/index.html";
      List<Sample> vertebra = new ArrayList<>();
      List<Sample> backbone = new ArrayList<>();
      for (int i = -1; i < loads; i++) { // load -1 of each: unrecorded, warms the server and the page cache of the OS
        call(http, "PATCH", server.baseUrl() + "/api/todos", "{\"completed\":false}");
        Sample v = load(ours, todos, "");
        Sample b = load(theirs, todos, String.format(BACKBONE_SEED, todos));
        if (i >= 0) {
          vertebra.add(v);
          backbone.add(b);
        }
      }
      put(report, "todos_speed.vertebra", vertebra);
      put(report, "todos_speed.backbone_example", backbone);
      report.ratio("todos_speed.ratio.list_ms", median(vertebra, Sample::listMs), median(backbone, Sample::listMs))
          .ratio("todos_speed.ratio.toggle_all_ms", median(vertebra, Sample::toggleMs),
              median(backbone, Sample::toggleMs))
          .put("todos_speed.load_average_1min_after", Load.oneMinute());
    } finally {
      peer.stop(0);
    }
  }

  private static Sample load(String url, int todos, String seedScript) {
    try (Browsers.Session session = Browsers.start()) {
      ChromeDriver driver = session.driver();
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", String.format(OBSERVER, todos) + seedScript));
      driver.get(url);
      double listMs = await(driver, "__listAt", url + ": no list of " + todos);
      // Let the page settle (Vertebra connects pusher-js after showing the list) before the toggle.
      sleepMs(500);
      driver.executeScript("window.__toggleFrom = performance.now(); document.querySelector('.toggle-all').click();");
      double toggledAt = await(driver, "__toggledAt", url + ": toggle-all did not complete " + todos);
      double from = ((Number) driver.executeScript("return window.__toggleFrom;")).doubleValue();
      return new Sample(listMs, toggledAt - from);
    }
  }

  private static double await(ChromeDriver driver, String variable, String failure) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      double value = ((Number) driver.executeScript("return window." + variable + ";")).doubleValue();
      if (value > 0) {
        return value;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(failure);
      }
      sleepMs(2);
    }
  }

  private static void put(Report report, String prefix, List<Sample> samples) {
    report.put(prefix + ".list_ms_each", Arrays.toString(samples.stream().mapToDouble(Sample::listMs).toArray()))
        .put(prefix + ".list_ms_median", Report.round(median(samples, Sample::listMs)))
        .put(prefix + ".toggle_all_ms_each",
            Arrays.toString(samples.stream().mapToDouble(Sample::toggleMs).toArray()))
        .put(prefix + ".toggle_all_ms_median", Report.round(median(samples, Sample::toggleMs)));
  }

  private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> figure) {
    double[] sorted = samples.stream().mapToDouble(figure).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void call(HttpClient http, String method, String url, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** The example's folder as is, on 127.0.0.1 (no compression: on loopback the bytes cost next to no time). */
  private static HttpServer staticServer(Path root) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.createContext("/", exchange -> {
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
