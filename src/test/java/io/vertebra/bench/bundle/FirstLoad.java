package io.vertebra.bench.bundle;

import io.vertebra.bench.Load;
import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.kit.config.Config;
import io.vertebra.posts.server.ApiClient;
import io.vertebra.server.AppServer;
import io.vertebra.testing.Browsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * First load of the app in a cold headless Chromium (fresh profile each time, session cookie set beforehand so the
 * app goes straight to the post list): every byte the browser transfers over HTTP (resource timing: the page, CSS,
 * pusher-js, the GWT loader and permutation, API calls; the WebSocket is not HTTP and is left out) and the time from
 * navigation start to the list holding all N seeded posts. Baseline, alternating load by load: a minimal static page
 * from the same server that fetches {@code /api/posts} and renders the same list with plain DOM calls.
 */
final class FirstLoad {

  private static final String ITEMS = "ul.posts li.post-item";

  /** The baseline page: one API call, one list; the floor for "HTML + data + DOM". */
  private static final String BASELINE_PAGE = "<!doctype html><html><head><meta charset='utf-8'><title>baseline</title>"
      + "<link rel='stylesheet' href='app.css'></head><body><ul class='posts'></ul><script>"
      + "fetch('/api/posts').then(function(r) { return r.json(); }).then(function(posts) {"
      + " var ul = document.querySelector('ul.posts');"
      + " posts.forEach(function(p) { var li = document.createElement('li'); li.className = 'post-item';"
      + "  li.textContent = p.title; ul.appendChild(li); }); });"
      + "</script></body></html>";

  private FirstLoad() {}

  /** One cold load's figures. */
  record Sample(double listMs, long transferBytes, int requests, List<String> js, String timeline) {}

  /** Measures {@code loads} cold loads of the app and of the baseline page, alternating, into {@code report}. */
  static void measure(Report report, Path war, List<String> scriptsMeasured, int loads, int posts) throws Exception {
    Path web = Scratch.directory("vertebra-bench-web");
    Scratch.copyTree(war, web);
    Files.writeString(web.resolve("baseline-list.html"), BASELINE_PAGE);
    report.put("first_load.posts", posts).put("first_load.loads", loads)
        .put("first_load.load_average_1min_before", Load.oneMinute());
    try (AppServer server = AppServer.start(Config.from(Map.of("PORT", "0", "WEB_DIR", web.toString(),
        "DATA_DIR", Scratch.directory("vertebra-bench-firstload").toString())), AppServer.Mode.SERVE)) {
      ApiClient api = new ApiClient(server.baseUrl());
      api.signIn("Seeder");
      for (int i = 0; i < posts; i++) {
        api.create("Post " + i, "Body of post " + i + ".");
      }
      List<Sample> app = new ArrayList<>();
      List<Sample> baseline = new ArrayList<>();
      load(server.baseUrl(), "/", posts); // unrecorded: warms the server's JIT for both pages' requests
      for (int i = 0; i < loads; i++) {
        app.add(load(server.baseUrl(), "/", posts));
        baseline.add(load(server.baseUrl(), "/baseline-list.html", posts));
      }
      List<String> js = app.get(app.size() - 1).js();
      report.put("first_load.app.js_fetched", String.join(" ", js));
      // Where the time goes: each request's start-end (ms since navigation start) in the last app load.
      report.put("first_load.app.timeline_ms", app.get(app.size() - 1).timeline());
      // Every fetched script but pusher-js is one of those measured, and each of those is fetched.
      List<String> fetchedNames = js.stream().map(s -> s.substring(0, s.indexOf(' '))).toList();
      report.put("first_load.app.fetches_exactly_measured_scripts",
          fetchedNames.stream().filter(n -> !n.startsWith("pusher")).sorted().toList()
              .equals(scriptsMeasured.stream().sorted().toList()));
      double appMs = median(app.stream().mapToDouble(Sample::listMs).toArray());
      double baseMs = median(baseline.stream().mapToDouble(Sample::listMs).toArray());
      double appBytes = median(app.stream().mapToDouble(Sample::transferBytes).toArray());
      double baseBytes = median(baseline.stream().mapToDouble(Sample::transferBytes).toArray());
      report.put("first_load.app.list_ms_each", Arrays.toString(app.stream().mapToDouble(Sample::listMs).toArray()))
          .put("first_load.app.list_ms_median", Report.round(appMs))
          .put("first_load.app.transfer_bytes", (long) appBytes)
          .put("first_load.app.requests", app.get(0).requests())
          .put("first_load.baseline.list_ms_each",
              Arrays.toString(baseline.stream().mapToDouble(Sample::listMs).toArray()))
          .put("first_load.baseline.list_ms_median", Report.round(baseMs))
          .put("first_load.baseline.transfer_bytes", (long) baseBytes)
          .put("first_load.baseline.requests", baseline.get(0).requests())
          .ratio("first_load.ratio.list_ms", appMs, baseMs)
          .ratio("first_load.ratio.transfer_bytes", appBytes, baseBytes)
          .put("first_load.load_average_1min_after", Load.oneMinute());
    }
  }

  /** One cold load of {@code path} in a new browser with a fresh profile, signed in beforehand. */
  private static Sample load(String baseUrl, String path, int posts) {
    try (Browsers.Session session = Browsers.start()) {
      ChromeDriver driver = session.driver();
      // A JSON 404 of this origin, to set the session cookie without loading (and caching) any of the app's files.
      driver.get(baseUrl + "/api/bench-no-such-page");
      Object status = driver.executeScript("var x = new XMLHttpRequest(); x.open('POST', '/api/session', false);"
          + " x.setRequestHeader('Content-Type', 'application/json'); x.send('{\"name\":\"Reader\"}');"
          + " return x.status;");
      if (((Number) status).intValue() != 200) {
        throw new IllegalStateException("sign-in failed: " + status);
      }
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
          "window.__listAt = 0; new MutationObserver(function() { if (!window.__listAt"
              + " && document.querySelectorAll(\"" + ITEMS + "\").length >= " + posts + ") {"
              + " window.__listAt = performance.now(); } }).observe(document, {subtree: true, childList: true});"));
      driver.get(baseUrl + path);
      long deadline = System.currentTimeMillis() + 30_000;
      while (((Number) driver.executeScript("return window.__listAt;")).doubleValue() == 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("no list of " + posts + " posts at " + path);
        }
        sleep();
      }
      double listMs = ((Number) driver.executeScript("return window.__listAt;")).doubleValue();
      // Let late requests (pusher-js auth, presence) finish so the byte count is the whole first load.
      sleepMs(500);
      @SuppressWarnings("unchecked")
      List<Object> figures = (List<Object>) driver.executeScript(
          "var nav = performance.getEntriesByType('navigation')[0];"
              + " var res = performance.getEntriesByType('resource');"
              + " var bytes = nav.transferSize + res.reduce(function(s, e) { return s + e.transferSize; }, 0);"
              + " var js = res.filter(function(e) { return /\\.js(\\?|$)/.test(e.name); }).map(function(e) {"
              + "  return e.name.substring(e.name.lastIndexOf('/') + 1) + ' ' + e.transferSize + 'B'; });"
              + " var t = function(ms) { return Math.round(ms); };"
              + " var line = ['html ' + t(nav.responseEnd), 'DOMContentLoaded ' + t(nav.domContentLoadedEventEnd)]"
              + "  .concat(res.map(function(e) { return e.name.substring(e.name.lastIndexOf('/') + 1)"
              + "  + ' ' + t(e.startTime) + '-' + t(e.responseEnd); }));"
              + " return [bytes, res.length + 1, js, line.join(', ')];");
      @SuppressWarnings("unchecked")
      List<String> js = (List<String>) figures.get(2);
      return new Sample(listMs, ((Number) figures.get(0)).longValue(), ((Number) figures.get(1)).intValue(), js,
          figures.get(3) + ", list " + Math.round(listMs));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void sleep() {
    sleepMs(2);
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
