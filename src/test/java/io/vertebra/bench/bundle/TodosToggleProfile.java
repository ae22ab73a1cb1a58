package io.vertebra.bench.bundle;

import io.vertebra.bench.Scratch;
import io.vertebra.kit.config.Config;
import io.vertebra.server.AppServer;
import io.vertebra.testing.Browsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Where a toggle-all of N todos spends its time in Chromium: {@code /todos/} of the real server with N todos, the
 * list loaded, then R clicks on {@code .toggle-all} (alternately completing and reopening all) under the DevTools
 * CPU profiler (100 µs samples). Prints each click's time to all N rows redrawn and the functions with the most
 * self time over all clicks, and how many realtime {@code change-many} frames the toggling page itself received
 * (none: {@code X-Socket-Id} keeps our own write from being echoed to us). Compile the client with {@code -style PRETTY} for readable names
 * ({@code -DwebDir} points at a war/ holding that build). Run: {@code -Dbench=todos-profile}.
 */
public final class TodosToggleProfile {

  /** Counts the realtime frames the page receives (to check that our own toggle-all is not echoed to us). */
  private static final String FRAMES = "(function() { var W = window.WebSocket; window.__frames = [];"
      + " window.WebSocket = function(url, protocols) {"
      + "  var s = protocols === undefined ? new W(url) : new W(url, protocols);"
      + "  s.addEventListener('message', function(e) { window.__frames.push(String(e.data)); }); return s; };"
      + " window.WebSocket.prototype = W.prototype;"
      + " ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function(k) { window.WebSocket[k] = W[k]; }); })();";

  private static final String OBSERVER = "window.__toggleFrom = 0; window.__toggledAt = 0; window.__want = '';"
      + " new MutationObserver(function() { var now = performance.now();"
      + "  if (window.__toggleFrom && !window.__toggledAt && document.querySelectorAll("
      + "   window.__want).length >= %1$d) { window.__toggledAt = now; }"
      + " }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});";

  private TodosToggleProfile() {}

  public static void main(String[] args) throws Exception {
    int todos = Integer.getInteger("todos", 100);
    int rounds = Integer.getInteger("rounds", 10);
    Path web = Scratch.directory("vertebra-bench-profile-web");
    Scratch.copyTree(Path.of(System.getProperty("webDir", "war")), web);
    try (AppServer server = AppServer.start(Config.from(Map.of("PORT", "0", "WEB_DIR", web.toString(),
        "DATA_DIR", Scratch.directory("vertebra-bench-profile").toString())), AppServer.Mode.SERVE);
        Browsers.Session session = Browsers.start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < todos; i++) {
        http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/todos"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Todo " + i + "\",\"completed\":false}")).build(),
            HttpResponse.BodyHandlers.discarding());
      }
      ChromeDriver driver = session.driver();
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", String.format(OBSERVER, todos) + FRAMES));
      driver.get(server.baseUrl() + "/todos/");
      waitFor(driver, "return document.querySelectorAll('.todo-list li').length >= " + todos);
      waitFor(driver, "return window.__frames.some(function(f) { return f.indexOf('subscription_succeeded') >= 0; })");
      Thread.sleep(500);
      driver.executeCdpCommand("Profiler.enable", Map.of());
      driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
      List<Double> times = new ArrayList<>();
      Map<String, Double> self = new HashMap<>();
      Map<String, Double> firstSelf = new HashMap<>();
      Map<String, Double> firstEntries = new HashMap<>();
      Map<String, Double> firstClick = new HashMap<>();
      Map<String, Double> entries = new HashMap<>();
      for (int r = 0; r < rounds; r++) {
        boolean completing = r % 2 == 0;
        driver.executeCdpCommand("Profiler.start", Map.of());
        driver.executeScript("window.__toggledAt = 0; window.__want = '.todo-list li" + (completing ? ".completed"
            : ":not(.completed)") + "'; window.__toggleFrom = performance.now();"
            + " document.querySelector('.toggle-all').click();");
        waitFor(driver, "return window.__toggledAt > 0");
        // Let the server's answer and the realtime echo (if any) arrive: their work is in the profile too.
        Thread.sleep(400);
        Map<String, Object> result = driver.executeCdpCommand("Profiler.stop", Map.of());
        times.add(((Number) driver.executeScript("return window.__toggledAt - window.__toggleFrom;")).doubleValue());
        addTimes(result, r == 0 ? firstSelf : self, r == 0 ? firstEntries : entries, r == 0 ? firstClick : null);
      }
      System.out.println("toggle-all of " + todos + " (ms each, the first one cold): " + times);
      System.out.println("change-many frames the toggling page received (its own writes; 0 expected): "
          + driver.executeScript("return window.__frames.filter(function(f) {"
          + " return f.indexOf('change-many') >= 0; }).length;"));
      print("first click, by entry point (the task the browser ran)", firstEntries, 1, 12);
      print("first click, self time", firstSelf, 1, 40);
      print("first click, self time inside the click's task", firstClick, 1, 40);
      print("later clicks, by entry point, per click", entries, rounds - 1, 12);
      print("later clicks, self time per click", self, rounds - 1, 30);
    }
  }

  private static void print(String title, Map<String, Double> times, int divisor, int limit) {
    System.out.println("-- " + title);
    times.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(limit)
        .forEach(e -> System.out.printf("%8.2f ms  %s%n", e.getValue() / Math.max(1, divisor), e.getKey()));
  }

  /**
   * Adds each function's self time (ms) from one CPU profile, and each sample's entry point (the two frames below
   * the profile's root: the task the browser ran); idle and program time are left out.
   */
  @SuppressWarnings("unchecked")
  private static void addTimes(Map<String, Object> result, Map<String, Double> self, Map<String, Double> entries,
      Map<String, Double> click) {
    Map<String, Object> profile = (Map<String, Object>) result.get("profile");
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> parents = new HashMap<>();
    for (Map<String, Object> node : (List<Map<String, Object>>) profile.get("nodes")) {
      Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
      String url = String.valueOf(frame.get("url"));
      String file = url.substring(url.lastIndexOf('/') + 1);
      long id = ((Number) node.get("id")).longValue();
      names.put(id, frame.get("functionName") + " " + file + ":" + frame.get("lineNumber"));
      for (Object child : (List<Object>) node.getOrDefault("children", List.of())) {
        parents.put(((Number) child).longValue(), id);
      }
    }
    List<Object> samples = (List<Object>) profile.get("samples");
    List<Object> deltas = (List<Object>) profile.get("timeDeltas");
    for (int i = 0; i < samples.size(); i++) {
      long id = ((Number) samples.get(i)).longValue();
      String name = names.get(id);
      double ms = ((Number) deltas.get(i)).doubleValue() / 1000;
      if (name.startsWith("(idle)") || name.startsWith("(program)")) {
        continue;
      }
      self.merge(name, ms, Double::sum);
      List<String> path = new ArrayList<>();
      for (Long at = id; at != null; at = parents.get(at)) {
        path.add(0, names.get(at));
      }
      String entry = String.join(" > ", path.subList(Math.min(1, path.size()), Math.min(4, path.size())));
      entries.merge(entry, ms, Double::sum);
      // The click is dispatched from the WebDriver's script (callFunction); other tasks are the server's answer etc.
      if (click != null && entry.contains("callFunction")) {
        click.merge(name, ms, Double::sum);
      }
    }
  }

  private static void waitFor(ChromeDriver driver, String condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!Boolean.TRUE.equals(driver.executeScript(condition))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out: " + condition);
      }
      Thread.sleep(2);
    }
  }
}
