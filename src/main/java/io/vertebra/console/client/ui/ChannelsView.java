package io.vertebra.console.client.ui;

import com.google.gwt.safehtml.shared.SafeHtml;
import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import com.google.gwt.safehtml.shared.SafeHtmlUtils;
import io.vertebra.console.client.model.ChannelInfo;
import io.vertebra.console.client.model.ServerState;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewOptions;

/** The occupied channels with their subscriber counts, and the members of each presence channel. */
public final class ChannelsView extends View {

  private final ServerState state;

  public ChannelsView(ServerState state) {
    super(new ViewOptions().className("channels"));
    this.state = state;
    listenTo(state.channels(), "update reset change sort", args -> render());
    listenTo(state, "change:truncated", args -> render());
  }

  @Override
  public ChannelsView render() {
    SafeHtmlBuilder rows = new SafeHtmlBuilder();
    for (ChannelInfo channel : state.channels()) {
      rows.append(ConsoleTemplates.T.channelRow(channel.getName(), channel.getType(), channel.getSubscriptions(),
          members(channel)));
    }
    String note = state.channels().isEmpty() ? "No channel is occupied."
        : state.isTruncated() ? "Showing the first " + state.channels().length() + " channels." : "";
    html(ConsoleTemplates.T.channels(note, rows.toSafeHtml()));
    return this;
  }

  private static SafeHtml members(ChannelInfo channel) {
    if (!channel.isPresence()) {
      return SafeHtmlUtils.EMPTY_SAFE_HTML;
    }
    SafeHtmlBuilder items = new SafeHtmlBuilder();
    for (String id : channel.getMemberIds()) {
      items.append(ConsoleTemplates.T.member(id));
    }
    return ConsoleTemplates.T.members(items.toSafeHtml());
  }
}
