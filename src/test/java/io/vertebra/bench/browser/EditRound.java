package io.vertebra.bench.browser;

import io.vertebra.bench.Percentiles;
import io.vertebra.bench.Report;
import io.vertebra.posts.client.AppBrowser;
import io.vertebra.posts.server.realtime.TriggerStats;
import java.util.List;

/**
 * One round of the browser benchmark: A edits post X through the editor, B (on whatever view it shows) renders the
 * new title; each edit is followed by one baseline message (A → bare broadcast endpoint → B's plain WebSocket →
 * B's DOM), so app and baseline samples alternate under the same load.
 */
final class EditRound {

  private static final long TIMEOUT_MS = 10_000;

  private final AppBrowser a;
  private final AppBrowser b;
  private final long id;
  private final TriggerStats triggers;
  private String title = "Benchmark post";

  EditRound(AppBrowser a, AppBrowser b, long id, TriggerStats triggers, String floorWs, String floorPost) {
    this.a = a;
    this.b = b;
    this.id = id;
    this.triggers = triggers;
    b.js("var el = document.createElement('div'); el.id = 'bench-floor'; el.hidden = true;"
        + " document.body.appendChild(el); window.__floorWant = null; window.__floorSeen = 0; window.__floorIn = 0;"
        + " new MutationObserver(function() {"
        + "   if (!window.__floorSeen && el.textContent === window.__floorWant) { window.__floorSeen = __now(); }"
        + " }).observe(el, {subtree: true, childList: true, characterData: true});"
        + " var ws = new WebSocket(arguments[0]);"
        + " ws.onmessage = function(e) { window.__floorIn = __now(); el.textContent = e.data; };"
        + " window.__floorWs = ws;", floorWs);
    waitUntil(() -> Boolean.TRUE.equals(b.js("return window.__floorWs.readyState === 1;")), "B's baseline WebSocket");
    // B's observer of the app's DOM: the first mutation after which the watched element shows the wanted title.
    b.js("window.__want = null; window.__seen = 0; window.__sel = null;"
        + " new MutationObserver(function() { if (window.__seen || !window.__sel) { return; }"
        + "   var t = document.querySelector(window.__sel);"
        + "   if (t && t.textContent === window.__want) { window.__seen = __now(); }"
        + " }).observe(document.body, {subtree: true, childList: true, characterData: true});");
    a.js("window.__floorPost = arguments[0];", floorPost);
  }

  /** Runs {@code warmUp} unrecorded then {@code edits} recorded edits while B shows {@code selector}. */
  void run(String label, String selector, int warmUp, int edits, Report report) {
    double[] total = new double[edits];
    double[] toTrigger = new double[edits];
    double[] delivery = new double[edits];
    double[] render = new double[edits];
    double[] rest = new double[edits];
    double[] triggerRtt = new double[edits];
    double[] floorTotal = new double[edits];
    double[] floorDelivery = new double[edits];
    double[] floorRender = new double[edits];
    for (int i = -warmUp; i < edits; i++) {
      Edit e = edit(label + " edit " + (i + warmUp), selector);
      Floor f = floor(label + " floor " + (i + warmUp));
      if (i < 0) {
        continue;
      }
      total[i] = e.seen - e.click;
      toTrigger[i] = e.triggerSent - e.click;
      delivery[i] = e.wsIn - e.triggerSent;
      render[i] = e.seen - e.wsIn;
      rest[i] = e.responseEnd - e.click;
      triggerRtt[i] = e.triggerAnswered - e.triggerSent;
      floorTotal[i] = f.seen - f.click;
      floorDelivery[i] = f.wsIn - f.click;
      floorRender[i] = f.seen - f.wsIn;
    }
    Percentiles app = BrowserBench.percentiles(total, edits);
    Percentiles floor = BrowserBench.percentiles(floorTotal, edits);
    String p = label + ".";
    report.put(p + "save_to_dom", app)
        .put(p + "part.to_trigger", BrowserBench.percentiles(toTrigger, edits))
        .put(p + "part.delivery", BrowserBench.percentiles(delivery, edits))
        .put(p + "part.render", BrowserBench.percentiles(render, edits))
        .put(p + "rest_round_trip", BrowserBench.percentiles(rest, edits))
        .put(p + "trigger_round_trip", BrowserBench.percentiles(triggerRtt, edits))
        .put(p + "baseline.post_to_dom", floor)
        .put(p + "baseline.part.post_to_ws", BrowserBench.percentiles(floorDelivery, edits))
        .put(p + "baseline.part.render", BrowserBench.percentiles(floorRender, edits))
        .ratio(p + "ratio.p50", app.p50(), floor.p50())
        .ratio(p + "ratio.p99", app.p99(), floor.p99())
        .put(p + "target_p50_25ms_met", app.p50() <= 25.0);
  }

  private record Edit(double click, double responseEnd, double triggerSent, double triggerAnswered, double wsIn,
      double seen) {}

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
    waitUntil(() -> number(b.js("return window.__seen;")) > 0, "B showing '" + want + "'");
    a.awaitText(".post .title", want);
    title = want;
    @SuppressWarnings("unchecked")
    List<Number> put = (List<Number>) waitFor(() -> a.js("var path = '/api/posts/' + arguments[0];"
        + " var es = performance.getEntriesByType('resource')"
        + ".filter(function(e) { return e.name.indexOf(path) >= 0; });"
        + " return es.length ? [performance.timeOrigin + es[0].startTime, performance.timeOrigin + es[0].responseEnd]"
        + " : null;", id), "A's PUT in the resource timing");
    double seen = number(b.js("return window.__seen;"));
    double wsIn = number(b.js("return window.__wsIn.length ? window.__wsIn[0] : 0;"));
    BrowserBench.Trigger trigger = BrowserBench.Trigger.of(triggers);
    if (trigger.sentMs() < click || trigger.answeredMs() < trigger.sentMs() || wsIn < click) {
      throw new IllegalStateException("timestamps out of order for '" + want + "': click=" + click + " trigger="
          + trigger + " wsIn=" + wsIn + " (clocks not aligned, or a message from elsewhere)");
    }
    return new Edit(click, put.get(1).doubleValue(), trigger.sentMs(), trigger.answeredMs(), wsIn, seen);
  }

  private Floor floor(String want) {
    b.js("window.__floorWant = arguments[0]; window.__floorSeen = 0; window.__floorIn = 0;", want);
    double click = number(a.js("var t = __now(); fetch(window.__floorPost,"
        + " {method: 'POST', mode: 'no-cors', body: arguments[0]}); return t;", want));
    waitUntil(() -> number(b.js("return window.__floorSeen;")) > 0, "B's baseline DOM showing '" + want + "'");
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
