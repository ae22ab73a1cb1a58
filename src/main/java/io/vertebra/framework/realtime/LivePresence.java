package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Callback;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a {@link Collection} equal to the members of a presence channel ("who is viewing this post"), with one
 * call: {@code LivePresence.follow(view, viewers, notifier, "presence-post-" + id)}.
 *
 * <p>Each member becomes a model whose attributes are the member's {@code info} (what the app's channel
 * authorization returned, e.g. {@code name}, {@code color}) plus its {@code id}. The collection is reset with the
 * full member list on every {@code pusher:subscription_succeeded} (so also after a reconnection), then follows
 * {@code pusher:member_added} / {@code pusher:member_removed}; views listen to its {@code add}, {@code remove}
 * and {@code reset} events as usual. Changes carry {@link LiveModels#REMOTE}. Lifetime as for
 * {@link LiveModels}: the owner's {@code stopListening()} ends it.
 */
public final class LivePresence {

  private LivePresence() {
  }

  /** {@code members} follows presence channel {@code channel}, and is itself the owner of the binding. */
  public static Following follow(Collection<?> members, Notifier notifier, String channel) {
    return follow(members, members, notifier, channel);
  }

  /** {@code members} follows presence channel {@code channel} for as long as {@code owner} listens. */
  public static Following follow(Events owner, Collection<?> members, Notifier notifier, String channel) {
    if (channel == null || !channel.startsWith("presence-")) {
      throw new IllegalArgumentException("Not a presence channel: " + channel);
    }
    return new Following(owner, notifier, channel, membership(members));
  }

  @SuppressWarnings("unchecked")
  private static Callback membership(Collection<?> members) {
    return args -> {
      Object data = args.length > 1 ? args[1] : null;
      if (!(data instanceof Map)) {
        return;
      }
      Map<String, Object> event = (Map<String, Object>) data;
      Options remote = new Options().set(LiveModels.REMOTE, true);
      switch ((String) args[0]) {
        case "pusher:subscription_succeeded":
          members.reset(memberList(event.get("members")), remote);
          break;
        case "pusher:member_added":
          members.add(attributes(event.get("id"), event.get("info")), remote);
          break;
        case "pusher:member_removed":
          Object member = members.get(event.get("id"));
          if (member != null) {
            members.remove(member, remote);
          }
          break;
        default:
          break;
      }
    };
  }

  /** pusher-js's {@code members} object ({@code {id: info}}) as a list of model attributes. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> memberList(Object members) {
    List<Map<String, Object>> list = new ArrayList<>();
    if (members instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) members).entrySet()) {
        list.add(attributes(e.getKey(), e.getValue()));
      }
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(Object id, Object info) {
    Map<String, Object> attributes = new StringMap<>();
    if (info instanceof Map) {
      attributes.putAll((Map<String, Object>) info);
    }
    attributes.put("id", id);
    return attributes;
  }
}
