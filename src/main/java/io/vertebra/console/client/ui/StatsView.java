package io.vertebra.console.client.ui;

import io.vertebra.console.client.model.ServerState;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;

/** The live counts: open connections and occupied channels. */
public final class StatsView extends View {

  private final ServerState state;

  public StatsView(ServerState state) {
    super(new ViewOptions().className("stats"));
    this.state = state;
    listenTo(state, "change", args -> render());
    listenTo(state.channels(), "update reset", args -> render());
  }

  @Override
  public StatsView render() {
    html(ConsoleTemplates.T.stats(state.getConnections(), state.channels().length()));
    return this;
  }
}
