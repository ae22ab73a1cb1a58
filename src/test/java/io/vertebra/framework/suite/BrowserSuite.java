package io.vertebra.framework.suite;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.user.client.Window;
import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.XhrTransport;

/**
 * Entry point of the browser suite: runs the View checks, Backbone's test/view.js, the Sync checks and the realtime
 * checks, and leaves the results in the page.
 */
public class BrowserSuite implements EntryPoint {

  @Override
  public void onModuleLoad() {
    CheckRunner runner = new CheckRunner();
    ResponseLog log = new ResponseLog(new XhrTransport());
    runner.test("XhrTransport.install makes it the default transport", () -> {
      XhrTransport installed = XhrTransport.install();
      Expect.isTrue(DefaultSync.transport() == installed, "default transport is the installed one");
      // The sync checks send through the installed kind of transport, wrapped to read what the server echoed.
      DefaultSync.setTransport(log);
    });
    runner.test("Json and Uris (browser editions: JSON.parse, encodeURIComponent...) pass the shared codec cases",
        () -> Expect.isTrue(CodecCases.failures().isEmpty(), String.join("\n", CodecCases.failures())));
    runner.test("StringMap (browser edition: the browser's Map) answers the shared cases as a LinkedHashMap does",
        () -> Expect.isTrue(StringMapCases.failures().isEmpty(), String.join("\n", StringMapCases.failures())));
    ViewChecks.register(runner);
    BackboneViewChecks.register(runner);
    SyncChecks.register(runner, log, Window.Location.getParameter("deadPort"));
    RealtimeChecks.register(runner, Window.Location.getParameter("channelsKey"));
    runner.start();
  }
}
