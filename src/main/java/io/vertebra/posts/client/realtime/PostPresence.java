package io.vertebra.posts.client.realtime;

import com.google.gwt.user.client.Timer;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.RealtimeChannel;
import io.vertebra.posts.client.model.Viewer;
import io.vertebra.posts.shared.PostChannels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is looking at one post, live: follows {@code presence-post-{id}} and keeps {@link #viewers()} up to date
 * from pusher's member events, and marks viewers as editing from {@code client-editing} events (cleared by
 * {@code editing: false}, by the member leaving, or after {@link #EDITING_EXPIRY_MS} without news, so a closed
 * tab never leaves "is editing…" behind). {@link #stop()} releases the channel.
 */
public final class PostPresence extends Events {

  /** How long an editing signal counts without being renewed. */
  static final int EDITING_EXPIRY_MS = 8_000;

  private final Collection<Viewer> viewers = new Collection<>((attrs, options) -> new Viewer(attrs, options));
  private final Map<String, Timer> expiries = new HashMap<>();
  private final RealtimeChannel channel;

  /** Starts following the presence channel of post {@code postId}. */
  public PostPresence(Notifier notifier, long postId) {
    channel = notifier.channel(PostChannels.presence(postId));
    listenTo(channel, "pusher:subscription_succeeded", args -> reset(args[0]));
    listenTo(channel, "pusher:member_added", args -> add(args[0]));
    listenTo(channel, "pusher:member_removed", args -> remove(args[0]));
    listenTo(channel, PostChannels.CLIENT_EDITING, args -> editing(args[0]));
  }

  /** The viewers (the current user included once subscribed); listen to it for add/remove/change. */
  public Collection<Viewer> viewers() {
    return viewers;
  }

  /** Sends a {@code client-editing} event to the other viewers; false when it could not be sent. */
  public boolean announceEditing(String userId, String name, boolean editing) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("userId", userId);
    data.put("name", name);
    data.put(Viewer.EDITING, editing);
    return channel.isSubscribed() && channel.triggerClientEvent(PostChannels.CLIENT_EDITING, data);
  }

  /** Stops following: the channel is unsubscribed and the timers cancelled. */
  public void stop() {
    stopListening();
    for (Timer timer : expiries.values()) {
      timer.cancel();
    }
    expiries.clear();
  }

  @SuppressWarnings("unchecked")
  private void reset(Object data) {
    if (!(data instanceof Map)) {
      return;
    }
    Object members = ((Map<String, Object>) data).get("members");
    List<Map<String, Object>> list = new ArrayList<>();
    if (members instanceof Map) {
      for (Map.Entry<String, Object> member : ((Map<String, Object>) members).entrySet()) {
        list.add(attributes(member.getKey(), member.getValue()));
      }
    }
    viewers.reset(list);
  }

  @SuppressWarnings("unchecked")
  private void add(Object data) {
    if (data instanceof Map) {
      Map<String, Object> member = (Map<String, Object>) data;
      viewers.add(attributes(String.valueOf(member.get("id")), member.get("info")));
    }
  }

  @SuppressWarnings("unchecked")
  private void remove(Object data) {
    if (data instanceof Map) {
      String id = String.valueOf(((Map<String, Object>) data).get("id"));
      viewers.remove(id);
      cancelExpiry(id);
    }
  }

  @SuppressWarnings("unchecked")
  private void editing(Object data) {
    if (!(data instanceof Map)) {
      return;
    }
    Map<String, Object> event = (Map<String, Object>) data;
    String id = String.valueOf(event.get("userId"));
    Viewer viewer = viewers.get(id);
    if (viewer == null) {
      return;
    }
    boolean editing = Boolean.TRUE.equals(event.get(Viewer.EDITING));
    viewer.set(Viewer.EDITING, editing);
    cancelExpiry(id);
    if (editing) {
      Timer expiry = new Timer() {
        @Override
        public void run() {
          expiries.remove(id);
          viewer.set(Viewer.EDITING, false);
        }
      };
      expiries.put(id, expiry);
      expiry.schedule(EDITING_EXPIRY_MS);
    }
  }

  private void cancelExpiry(String id) {
    Timer timer = expiries.remove(id);
    if (timer != null) {
      timer.cancel();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(String id, Object info) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("id", id);
    if (info instanceof Map) {
      Map<String, Object> userInfo = (Map<String, Object>) info;
      attrs.put(Viewer.NAME, userInfo.get(Viewer.NAME));
      attrs.put(Viewer.COLOR, userInfo.get(Viewer.COLOR));
    }
    attrs.put(Viewer.EDITING, false);
    return attrs;
  }
}
