package io.vertebra.console.client.model;

import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The channels server as the console shows it ({@code GET /console/api/snapshot}): the connection count as an
 * attribute, the channels as a {@link Collection} of {@link ChannelInfo} (so views react to adds, removes and
 * count changes). {@link #refresh()} coalesces: while a fetch runs, further requests become one more fetch after it.
 */
public class ServerState extends Model {

  private final Collection<ChannelInfo> channels =
      new Collection<>((attrs, options) -> new ChannelInfo(attrs, options));
  private boolean fetching;
  private boolean again;

  public ServerState() {
    setUrl(ConsoleApi.SNAPSHOT_PATH);
    channels.setComparator(ConsoleApi.NAME);
  }

  /** The occupied channels, by name. */
  public Collection<ChannelInfo> channels() {
    return channels;
  }

  /** Open connections (the console's own included). */
  public int getConnections() {
    Integer count = getInt(ConsoleApi.CONNECTIONS);
    return count == null ? 0 : count;
  }

  /** Whether the server listed only the first channels of many. */
  public boolean isTruncated() {
    return Boolean.TRUE.equals(get(ConsoleApi.TRUNCATED));
  }

  /** The channel list goes to {@link #channels()}; the rest are this model's attributes. */
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> parse(Object response, Options options) {
    Map<String, Object> attrs = super.parse(response, options);
    if (attrs != null && attrs.get(ConsoleApi.CHANNELS) instanceof List) {
      channels.set(new ArrayList<Object>((List<Object>) attrs.remove(ConsoleApi.CHANNELS)));
    }
    return attrs;
  }

  /** Fetches the snapshot now, or once more after the fetch under way; errors are triggered as {@code error}. */
  public void refresh() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    fetch(new Options()
        .success((target, response, options) -> done())
        .error((target, response, options) -> done()));
  }

  private void done() {
    fetching = false;
    if (again) {
      again = false;
      refresh();
    }
  }
}
