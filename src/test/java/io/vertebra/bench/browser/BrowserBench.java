package io.vertebra.bench.browser;

import io.vertebra.bench.Percentiles;
import io.vertebra.bench.Report;
import io.vertebra.bench.Scratch;
import io.vertebra.bench.ServerProcess;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.posts.client.AppBrowser;
import io.vertebra.server.AppServer;
import java.util.List;
import java.util.Map;

/**
 * Browser-to-browser latency on the reference app: the real server in this JVM, two headless Chromium sessions
 * signed in as different users. B shows post X (detail view, then the list in a second round); A edits X through
 * the real editor (types the title, clicks Save). Per edit: from the click in A to the DOM mutation in B that shows
 * the new title, with its parts, all on one clock (see {@link PageClock}):
 * <ul>
 *   <li>to trigger: click in A → the server hands the realtime trigger to its HTTP client (request, auth, commit)</li>
 *   <li>delivery: trigger sent → the WebSocket message arrives in B (trigger request, fan-out, frame)</li>
 *   <li>render: WebSocket message in B → B's DOM shows the title (pusher-js, Notifier, model, view)</li>
 * </ul>
 * plus A's REST round trip (click → response end) and the trigger round trip (sent → answered). Baseline, interleaved
 * edit by edit so that both see the same machine load: A POSTs the text to a bare Jetty broadcast endpoint, B
 * receives it on a plain WebSocket and writes it into the DOM — the floor of "HTTP in, WebSocket out, DOM".
 * Writes target/benchmarks/browser.json.
 */
public final class BrowserBench {

  private static final int WARM_UP = 5;

  private BrowserBench() {}

  public static void main(String[] args) throws Exception {
    int edits = Integer.getInteger("edits", 50);
    int warmUpWrites = Integer.getInteger("warmup", 2000);
    Report report = new Report("browser");
    report.put("edits", edits);
    report.put("server_warm_up_writes", warmUpWrites);
    int broadcastPort = ServerProcess.freePort();
    List<String> broadcastCommand = List.of(ServerProcess.java(), "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "io.vertebra.bench.fanout.BroadcastServer",
        Integer.toString(broadcastPort));
    try (AppServer server = AppServer.start(Config.from(Map.of("PORT", "0",
            "DATA_DIR", Scratch.directory("vertebra-bench-browser").toString())), AppServer.Mode.SERVE);
        ServerProcess broadcast = ServerProcess.start(broadcastCommand, Map.of(), "ready");
        AppBrowser a = new AppBrowser("Alice", server.baseUrl());
        AppBrowser b = new AppBrowser("Bob", server.baseUrl())) {
      if (warmUpWrites > 0) {
        report.put("server_warm_up_s", Math.round(ServerWarmUp.run(server, warmUpWrites) * 10) / 10.0);
      }
      b.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
          Map.of("source", PageClock.wsArrivals("post:change")));
      a.signIn();
      b.signIn();
      a.js(PageClock.DEFINE_NOW);
      long id = ((Number) a.js("var x = new XMLHttpRequest(); x.open('POST', '/api/posts', false);"
          + " x.setRequestHeader('Content-Type', 'application/json');"
          + " x.send(JSON.stringify({title: 'Benchmark post', body: 'Edited by the browser benchmark.'}));"
          + " return JSON.parse(x.responseText).id;")).longValue();
      FanOutClock fanOuts = FanOutClock.install(server.channels().app().observer(), "post-");
      EditRound round = new EditRound(a, b, id, server.posts().triggerStats(), fanOuts,
          "ws://127.0.0.1:" + broadcastPort + "/ws", "http://127.0.0.1:" + broadcastPort + "/broadcast");

      b.go("posts/" + id).awaitText(".post .title", "Benchmark post");
      round.run("detail", ".post .title", WARM_UP, edits, report);
      b.go("").await(".posts li[data-id='" + id + "'] .title");
      round.run("list", ".posts li[data-id='" + id + "'] .title", WARM_UP, edits, report);
    }
    report.write();
  }

  /** Percentiles of millisecond samples. */
  static Percentiles percentiles(double[] ms, int n) {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      nanos[i] = Math.round(ms[i] * 1e6);
    }
    return Percentiles.of(nanos, n);
  }

  /** Microseconds since the epoch as fractional epoch milliseconds (the pages' clock). */
  static double epochMs(long micros) {
    return micros / 1000.0;
  }

  /** The trigger stats' last timestamps, read after B has shown an edit. */
  record Trigger(double sentMs, double answeredMs) {
    static Trigger of(TriggerStats stats) {
      return new Trigger(epochMs(stats.lastSentMicros()), epochMs(stats.lastAnsweredMicros()));
    }
  }
}
