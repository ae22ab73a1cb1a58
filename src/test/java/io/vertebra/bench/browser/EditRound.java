package io.vertebra.bench.browser;

import io.vertebra.bench.Percentiles;
import io.vertebra.bench.Report;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.posts.client.AppBrowser;
import java.util.List;

/**
 * One round of the browser benchmark: A edits post X through the editor, B (on whatever view it shows) renders the
 * new title; each edit is followed by one baseline message (A → bare broadcast endpoint → B's plain WebSocket →
 * B's DOM), so app and baseline samples alternate under the same load.
 */
final class EditRound {

  private static final long TIMEOUT_MS = 10_000;

  /**
   * How the driver learns that B has shown an edit: {@code event} (default) hands B one asynchronous script whose
   * callback the MutationObserver calls, so nothing runs in B while it works; {@code poll} asks B every 2 ms
   * (each ask is a chromedriver round trip and a script on B's main thread, during the timed window).
   */
  private static final boolean POLL = "poll".equals(System.getProperty("bench.wait", "event"));

  /** Defines {@code __wake(slot)}: calls and clears the Selenium callback parked in {@code window[slot]}. */
  private static final String WAKE = "window.__wake = function(slot) { var cb = window[slot];"
      + " if (cb) { window[slot] = null; cb(true); } };";

  private final AppBrowser a;
  private final AppBrowser b;
  private final long id;
  private final TriggerStats triggers;
  private final FanOutClock fanOuts;
  private String title = "Benchmark post";

  EditRound(AppBrowser a, AppBrowser b, long id, TriggerStats triggers, FanOutClock fanOuts, String floorWs,
      String floorPost) {
    this.a = a;
    this.b = b;
    this.id = id;
    this.triggers = triggers;
    this.fanOuts = fanOuts;
    b.js(WAKE);
    b.js("var el = document.createElement('div'); el.id = 'bench-floor'; el.hidden = true;"
        + " document.body.appendChild(el); window.__floorWant = null; window.__floorSeen = 0; window.__floorIn = 0;"
        + " new MutationObserver(function() {"
        + "   if (!window.__floorSeen && el.textContent === window.__floorWant) {"
        + "     window.__floorSeen = __now(); __wake('__floorCb'); }"
        + " }).observe(el, {subtree: true, childList: true, characterData: true});"
        + " var ws = new WebSocket(arguments[0]);"
        + " ws.onmessage = function(e) { window.__floorIn = __now(); el.textContent = e.data; };"
        + " window.__floorWs = ws;", floorWs);
    waitUntil(() -> Boolean.TRUE.equals(b.js("return window.__floorWs.readyState === 1;")), "B's baseline WebSocket");
    // B's observer of the app's DOM: the first mutation after which the watched element shows the wanted title.
    b.js("window.__want = null; window.__seen = 0; window.__sel = null;"
        + " new MutationObserver(function() { if (window.__seen || !window.__sel) { return; }"
        + "   var t = document.querySelector(window.__sel);"
        + "   if (t && t.textContent === window.__want) { window.__seen = __now(); __wake('__seenCb'); }"
        + " }).observe(document.body, {subtree: true, childList: true, characterData: true});");
    a.js("window.__floorPost = arguments[0];", floorPost);
  }

  /** Runs {@code warmUp} unrecorded then {@code edits} recorded edits while B shows {@code selector}. */
  void run(String label, String selector, int warmUp, int edits, Report report) {
    Samples s = new Samples(edits);
    for (int i = -warmUp; i < edits; i++) {
      Edit e = edit(label + " edit " + (i + warmUp), selector);
      Floor f = floor(label + " floor " + (i + warmUp));
      if (i < 0) {
        continue;
      }
      s.add("save_to_dom", i, e.seen - e.click);
      s.add("part.to_trigger", i, e.triggerSent - e.click);
      s.add("part.to_trigger.click_to_put", i, e.putStart - e.click);
      s.add("part.to_trigger.put_to_trigger", i, e.triggerSent - e.putStart);
      s.add("part.to_trigger.put_to_trigger.in_browser", i, e.putSent - e.putStart);
      s.add("part.to_trigger.put_to_trigger.server", i, e.triggerSent - e.putSent);
      s.add("part.delivery", i, e.wsIn - e.triggerSent);
      s.add("part.delivery.trigger_request", i, e.fanOut - e.triggerSent);
      s.add("part.delivery.fanout_to_frame", i, e.wsIn - e.fanOut);
      s.add("part.render", i, e.seen - e.wsIn);
      s.add("rest_round_trip", i, e.responseEnd - e.click);
      s.add("rest_trigger_to_response", i, e.responseStart - e.triggerSent);
      s.add("trigger_round_trip", i, e.triggerAnswered - e.triggerSent);
      s.add("trigger_response", i, e.triggerAnswered - e.fanOut);
      s.add("baseline.post_to_dom", i, f.seen - f.click);
      s.add("baseline.part.post_to_ws", i, f.wsIn - f.click);
      s.add("baseline.part.render", i, f.seen - f.wsIn);
    }
    String p = label + ".";
    s.series.forEach((name, ms) -> report.put(p + name, BrowserBench.percentiles(ms, edits)));
    Percentiles app = BrowserBench.percentiles(s.series.get("save_to_dom"), edits);
    Percentiles floor = BrowserBench.percentiles(s.series.get("baseline.post_to_dom"), edits);
    report.ratio(p + "ratio.p50", app.p50(), floor.p50())
        .ratio(p + "ratio.p99", app.p99(), floor.p99())
        .put(p + "target_p50_25ms_met", app.p50() <= 25.0);
  }

  /** Named millisecond series, in the order first added (the report's order). */
  private static final class Samples {
    final java.util.Map<String, double[]> series = new java.util.LinkedHashMap<>();
    private final int size;

    Samples(int size) {
      this.size = size;
    }

    void add(String name, int i, double ms) {
      series.computeIfAbsent(name, k -> new double[size])[i] = ms;
    }
  }

  private record Edit(double click, double putStart, double putSent, double responseStart, double responseEnd,
      double triggerSent, double triggerAnswered, double fanOut, double wsIn, double seen) {}

  private record Floor(double click, double wsIn, double seen) {}

  private Edit edit(String want, String selector) {
    b.js("window.__want = arguments[0]; window.__sel = arguments[1]; window.__seen = 0; window.__wsIn.length = 0;",
        want, selector);
    a.go("posts/" + id + "/edit");
    String before = title;
    waitUntil(() -> before.equals(a.js("var f = document.querySelector('form.editor .title-input');"
        + " return f ? f.value : null;")), "A's editor with the current title");
    a.type("form.editor .title-input", want);
    double click = number(a.js("performance.clearResourceTimings(); var t = __now();"
        + " document.querySelector('form.editor button.save').click(); return t;"));
    awaitSeen("__seen", "__seenCb", "B showing '" + want + "'");
    a.awaitText(".post .title", want);
    title = want;
    @SuppressWarnings("unchecked")
    List<Number> put = (List<Number>) waitFor(() -> a.js("var path = '/api/posts/' + arguments[0];"
        + " var es = performance.getEntriesByType('resource')"
        + ".filter(function(e) { return e.name.indexOf(path) >= 0; });"
        + " var o = performance.timeOrigin;"
        + " return es.length"
        + " ? [o + es[0].startTime, o + es[0].requestStart, o + es[0].responseStart, o + es[0].responseEnd] : null;",
        id), "A's PUT in the resource timing");
    double seen = number(b.js("return window.__seen;"));
    double wsIn = number(b.js("return window.__wsIn.length ? window.__wsIn[0] : 0;"));
    BrowserBench.Trigger trigger = BrowserBench.Trigger.of(triggers);
    double fanOut = fanOuts.lastMs();
    if (trigger.sentMs() < click || fanOut < trigger.sentMs() || trigger.answeredMs() < fanOut
        || wsIn < trigger.sentMs()) {
      throw new IllegalStateException("timestamps out of order for '" + want + "': click=" + click + " trigger="
          + trigger + " fanOut=" + fanOut + " wsIn=" + wsIn + " (clocks not aligned, or a message from elsewhere)");
    }
    return new Edit(click, put.get(0).doubleValue(), put.get(1).doubleValue(), put.get(2).doubleValue(),
        put.get(3).doubleValue(), trigger.sentMs(),
        trigger.answeredMs(), fanOut, wsIn, seen);
  }

  /** Waits until B's {@code window[flag]} is set, by callback or by polling (see {@link #POLL}). */
  private void awaitSeen(String flag, String wakeSlot, String what) {
    if (POLL) {
      waitUntil(() -> number(b.js("return window[arguments[0]];", flag)) > 0, what);
      return;
    }
    Object shown = b.asyncJs("var done = arguments[arguments.length - 1];"
        + " if (window[arguments[0]]) { done(true); } else { window[arguments[1]] = done; }", flag, wakeSlot);
    if (!Boolean.TRUE.equals(shown)) {
      throw new IllegalStateException("no answer while waiting for " + what + ": " + shown);
    }
  }

  private Floor floor(String want) {
    b.js("window.__floorWant = arguments[0]; window.__floorSeen = 0; window.__floorIn = 0;", want);
    double click = number(a.js("var t = __now(); fetch(window.__floorPost,"
        + " {method: 'POST', mode: 'no-cors', body: arguments[0]}); return t;", want));
    awaitSeen("__floorSeen", "__floorCb", "B's baseline DOM showing '" + want + "'");
    return new Floor(click, number(b.js("return window.__floorIn;")), number(b.js("return window.__floorSeen;")));
  }

  private static double number(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  /** Polls {@code condition} every 2 ms (results: non-null and not FALSE) until it holds or 10 s pass. */
  private static Object waitFor(java.util.function.Supplier<Object> condition, String what) {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (true) {
      Object v = condition.get();
      if (v != null && !Boolean.FALSE.equals(v)) {
        return v;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
    waitFor(() -> condition.getAsBoolean() ? Boolean.TRUE : null, what);
  }
}
