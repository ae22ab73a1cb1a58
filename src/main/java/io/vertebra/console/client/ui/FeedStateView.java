package io.vertebra.console.client.ui;

import io.vertebra.framework.realtime.ConnectionState;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;

/** Whether the live feed is connected; {@code data-status} is {@code live} or the pusher-js state. */
public final class FeedStateView extends View {

  private final Notifier notifier;

  public FeedStateView(Notifier notifier) {
    super(new ViewOptions().tagName("span").className("conn"));
    this.notifier = notifier;
    listenTo(notifier, Notifier.STATE_CHANGE, args -> render());
  }

  @Override
  public FeedStateView render() {
    ConnectionState state = notifier.state();
    boolean live = state == ConnectionState.CONNECTED;
    el().setAttribute("data-status", live ? "live" : state.pusherName());
    html(ConsoleTemplates.T.feedState(live ? "Live" : "Feed " + state.pusherName()));
    return this;
  }
}
