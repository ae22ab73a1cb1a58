package io.vertebra.bench.browser;

/**
 * JavaScript snippets for timestamps that line up across pages and with the server: on one machine
 * {@code performance.timeOrigin + performance.now()} is wall-clock milliseconds (sub-millisecond resolution) in every
 * Chromium page, and the JVM's {@code Instant.now()} reads the same clock.
 */
final class PageClock {

  /** Defines {@code window.__now()}: epoch milliseconds as a fraction. */
  static final String DEFINE_NOW = "window.__now = function() { return performance.timeOrigin + performance.now(); };";

  /**
   * Run before the page's own scripts (DevTools {@code Page.addScriptToEvaluateOnNewDocument}): wraps the WebSocket
   * constructor so every incoming message containing {@code marker} is timestamped in {@code window.__wsIn} before
   * pusher-js (which assigns {@code onmessage} after construction) sees it.
   */
  static String wsArrivals(String marker) {
    return DEFINE_NOW
        + "window.__wsIn = []; (function() { var Native = window.WebSocket; var marker = " + quote(marker) + ";"
        + "  function Timed(url, protocols) {"
        + "    var s = protocols === undefined ? new Native(url) : new Native(url, protocols);"
        + "    s.addEventListener('message', function(e) {"
        + "      if (typeof e.data === 'string' && e.data.indexOf(marker) >= 0) { window.__wsIn.push(__now()); } });"
        + "    return s; }"
        + "  Timed.prototype = Native.prototype;"
        + "  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function(k) { Timed[k] = Native[k]; });"
        + "  window.WebSocket = Timed; })();";
  }

  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private PageClock() {}
}
