package io.vertebra.console.client.model;

import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One occupied channel: {@code {name, type, subscriptions, members?: [{id, info}]}}, keyed by name. */
public class ChannelInfo extends Model {

  public ChannelInfo(Map<String, ?> attributes, Options options) {
    super(attributes, options);
  }

  @Override
  public String idAttribute() {
    return ConsoleApi.NAME;
  }

  public String getName() {
    return getString(ConsoleApi.NAME);
  }

  public String getType() {
    String type = getString(ConsoleApi.TYPE);
    return type == null ? "" : type;
  }

  public int getSubscriptions() {
    Integer count = getInt(ConsoleApi.SUBSCRIPTIONS);
    return count == null ? 0 : count;
  }

  /** The presence members' ids (empty for other channels). */
  public List<String> getMemberIds() {
    List<String> ids = new ArrayList<>();
    List<Object> members = getList(ConsoleApi.MEMBERS);
    if (members != null) {
      for (Object member : members) {
        if (member instanceof Map) {
          ids.add(String.valueOf(((Map<?, ?>) member).get(ConsoleApi.ID)));
        }
      }
    }
    return ids;
  }

  /** Whether this is a presence channel (it lists members). */
  public boolean isPresence() {
    return has(ConsoleApi.MEMBERS);
  }
}
