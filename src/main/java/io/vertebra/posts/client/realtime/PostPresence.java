package io.vertebra.posts.client.realtime;

import com.google.gwt.user.client.Timer;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.realtime.LivePresence;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.RealtimeChannel;
import io.vertebra.posts.client.model.Viewer;
import io.vertebra.posts.shared.PostChannels;
import java.util.ArrayList;
import java.util.Map;

/**
 * Who is looking at one post, live: {@link #viewers()} follows {@code presence-post-{id}} through the framework's
 * {@link LivePresence}, and viewers are marked as editing from {@code client-editing} events (cleared by
 * {@code editing: false}, by the member leaving, or after {@link #EDITING_EXPIRY_MS} without news, so a closed
 * tab never leaves "is editing…" behind). {@link #stop()} releases the channel.
 */
public final class PostPresence extends Events {

  /** How long an editing signal counts without being renewed. */
  static final int EDITING_EXPIRY_MS = 8_000;

  private final Collection<Viewer> viewers = new Collection<>((attrs, options) -> new Viewer(attrs, options));
  private final Map<String, Timer> expiries = new StringMap<>();
  private final RealtimeChannel channel;

  /** Starts following the presence channel of post {@code postId} ({@code "7"}). */
  public PostPresence(Notifier notifier, String postId) {
    String name = PostChannels.presence(postId);
    LivePresence.follow(this, viewers, notifier, name);
    channel = notifier.channel(name);
    listenTo(channel, PostChannels.CLIENT_EDITING, args -> editing(args[0], args.length > 2 ? args[2] : null));
    listenTo(viewers, "remove reset", args -> forgetLeavers());
  }

  /** The viewers (the current user included once subscribed); listen to it for add/remove/change. */
  public Collection<Viewer> viewers() {
    return viewers;
  }

  /**
   * Sends a {@code client-editing} event to the other viewers; false when it could not be sent. It names nobody:
   * receivers take the editor from the user_id the channels service stamps on it, which the sender cannot forge.
   */
  public boolean announceEditing(boolean editing) {
    Map<String, Object> data = new StringMap<>();
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

  /** Editing timers of viewers who left (or of everyone, after a reset) are cancelled. */
  private void forgetLeavers() {
    for (String id : new ArrayList<>(expiries.keySet())) {
      if (viewers.get(id) == null) {
        cancelExpiry(id);
      }
    }
  }

  /** {@code sender} is the attested user id; a user id inside the data is ignored, since anyone can write one. */
  @SuppressWarnings("unchecked")
  private void editing(Object data, Object sender) {
    if (!(data instanceof Map) || !(sender instanceof String id)) {
      return;
    }
    Map<String, Object> event = (Map<String, Object>) data;
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
}
