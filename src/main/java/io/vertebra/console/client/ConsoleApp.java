package io.vertebra.console.client;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import io.vertebra.console.client.model.EventLog;
import io.vertebra.console.client.model.ServerState;
import io.vertebra.console.client.ui.ChannelsView;
import io.vertebra.console.client.ui.ConsoleView;
import io.vertebra.console.client.ui.FeedStateView;
import io.vertebra.console.client.ui.LogView;
import io.vertebra.console.client.ui.StatsView;
import io.vertebra.console.client.ui.TriggerView;
import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.pusher.PusherJsBackend;
import io.vertebra.framework.realtime.pusher.PusherOptions;
import io.vertebra.framework.sync.XhrTransport;
import io.vertebra.framework.sync.SyncError;

/**
 * Entry point of the debug console: the page layout and the event creator at once, then the live feed's settings
 * ({@code /console/api/config}), the snapshot, and the feed channel over pusher-js. When the server has no embedded
 * channels server the API says so and the banner shows it.
 */
public class ConsoleApp implements EntryPoint {

  private final ConsoleView page = new ConsoleView();
  private final ServerState state = new ServerState();
  private final EventLog log = new EventLog();

  @Override
  public void onModuleLoad() {
    XhrTransport.install();
    Element root = Document.get().getElementById("console");
    root.removeAllChildren();
    root.appendChild(page.render().el());
    page.place("stats-slot", new StatsView(state));
    page.place("trigger-slot", new TriggerView());
    page.place("channels-slot", new ChannelsView(state));
    page.place("log-slot", new LogView(log));
    state.on("error", args -> page.banner(problem(args[1])));
    state.on("sync", args -> page.banner(null));
    root.setAttribute("data-ready", "true");

    Model config = new Model();
    config.setUrl(ConsoleApi.CONFIG_PATH);
    config.fetch(new Options()
        .success((target, response, options) -> startLive(PusherOptions.fromMap(config.getAttributes())))
        .error((target, response, options) -> page.banner(problem(response))));
  }

  private void startLive(PusherOptions options) {
    Notifier notifier = new Notifier(new PusherJsBackend(options));
    Element feedState = page.findFirst(".feed-state");
    feedState.appendChild(new FeedStateView(notifier).render().el());
    new LiveFeed(notifier, log, state);
    notifier.connect();
    state.refresh();
  }

  private static String problem(Object response) {
    SyncError error = (SyncError) response;
    return error.getStatus() == 0 ? "The server could not be reached. Reload the page to try again."
        : error.getMessage();
  }
}
