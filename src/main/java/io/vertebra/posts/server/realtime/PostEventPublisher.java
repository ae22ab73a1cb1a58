package io.vertebra.posts.server.realtime;

import com.pusher.rest.PusherAsync;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.realtime.TriggerStats;
import io.vertebra.posts.server.PostJson;
import io.vertebra.posts.server.store.Post;
import io.vertebra.posts.shared.PostChannels;
import io.vertebra.posts.shared.PostFields;
import java.util.List;
import java.util.Map;

/**
 * Tells realtime subscribers about committed post changes (the events table in DESIGN.md) through the kit's
 * {@link EventTrigger}: which channels, which event, which data.
 */
public final class PostEventPublisher {

  /** Pusher's limit on one event's data, in bytes; larger posts are announced as {@code {id, version}}. */
  public static final int MAX_EVENT_DATA_BYTES = EventTrigger.MAX_EVENT_DATA_BYTES;

  private final EventTrigger trigger;
  private final PostJson json;

  public PostEventPublisher(PusherAsync pusher, PostJson json) {
    this.trigger = new EventTrigger(pusher);
    this.json = json;
  }

  /** A post was created: {@code post:create} on {@code posts}. */
  public void created(Post post, String socketId) {
    trigger.trigger(List.of(PostChannels.POSTS), PostChannels.CREATE, postData(post), socketId);
  }

  /** A post was changed: {@code post:change} on {@code post-{id}} and {@code posts}. */
  public void changed(Post post, String socketId) {
    trigger.trigger(List.of(PostChannels.post(Long.toString(post.id())), PostChannels.POSTS), PostChannels.CHANGE,
        postData(post), socketId);
  }

  /** A post was deleted: {@code post:destroy} with {@code {id}} on {@code post-{id}} and {@code posts}. */
  public void destroyed(long id, String socketId) {
    trigger.trigger(List.of(PostChannels.post(Long.toString(id)), PostChannels.POSTS), PostChannels.DESTROY,
        json.write(Map.of(PostFields.ID, id)), socketId);
  }

  /** Counters of the triggers sent so far. */
  public TriggerStats stats() {
    return trigger.stats();
  }

  /** The post JSON, or {@code {id, version}} when it would not fit in one message (the client then fetches it). */
  String postData(Post post) {
    String full = json.write(json.toJson(post));
    return EventTrigger.fits(full) ? full : json.write(json.reference(post));
  }
}
