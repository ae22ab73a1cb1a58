package io.vertebra.posts.server.realtime;

import com.pusher.rest.PusherAsync;
import com.pusher.rest.data.Result;
import io.vertebra.posts.server.PostJson;
import io.vertebra.posts.server.store.Post;
import io.vertebra.posts.shared.PostChannels;
import io.vertebra.posts.shared.PostFields;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells realtime subscribers about committed post changes (the events table in DESIGN.md), through pusher-http-java's
 * asynchronous client. Called only after the database commit; it never blocks and never throws: a failed trigger is
 * logged and counted, the write stands, and browsers catch up by re-fetching after reconnection.
 */
public final class PostEventPublisher {

  /** Pusher's limit on one event's data, in bytes; larger posts are announced as {@code {id, version}}. */
  public static final int MAX_EVENT_DATA_BYTES = 10 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(PostEventPublisher.class);

  private final PusherAsync pusher;
  private final PostJson json;
  private final TriggerStats stats = new TriggerStats();

  public PostEventPublisher(PusherAsync pusher, PostJson json) {
    this.pusher = pusher;
    this.json = json;
  }

  /** A post was created: {@code post:create} on {@code posts}. */
  public void created(Post post, String socketId) {
    trigger(List.of(PostChannels.POSTS), PostChannels.CREATE, postData(post), socketId);
  }

  /** A post was changed: {@code post:change} on {@code post-{id}} and {@code posts}. */
  public void changed(Post post, String socketId) {
    trigger(List.of(PostChannels.post(Long.toString(post.id())), PostChannels.POSTS), PostChannels.CHANGE,
        postData(post), socketId);
  }

  /** A post was deleted: {@code post:destroy} with {@code {id}} on {@code post-{id}} and {@code posts}. */
  public void destroyed(long id, String socketId) {
    trigger(List.of(PostChannels.post(Long.toString(id)), PostChannels.POSTS), PostChannels.DESTROY,
        json.write(Map.of(PostFields.ID, id)), socketId);
  }

  /** Counters of the triggers sent so far. */
  public TriggerStats stats() {
    return stats;
  }

  /** The post JSON, or {@code {id, version}} when it would not fit in one message (the client then fetches it). */
  String postData(Post post) {
    String full = json.write(json.toJson(post));
    if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_EVENT_DATA_BYTES) {
      return full;
    }
    return json.write(json.reference(post));
  }

  private void trigger(List<String> channels, String event, String data, String socketId) {
    stats.attempt();
    try {
      pusher.trigger(channels, event, data, socketId).whenComplete((result, error) -> {
        if (error != null) {
          failed(event, channels, error.toString());
        } else if (result.getStatus() != Result.Status.SUCCESS) {
          failed(event, channels, result.getStatus() + " " + result.getHttpStatus() + " " + brief(result.getMessage()));
        } else {
          stats.deliver();
        }
      });
    } catch (RuntimeException e) {
      // pusher-http-java validates before sending (e.g. the socket id): the write is committed, so only count it.
      failed(event, channels, e.toString());
    }
  }

  /** Error pages can be long HTML: the log gets their start. */
  private static String brief(String message) {
    return message == null || message.length() <= 200 ? message : message.substring(0, 200) + "…";
  }

  private void failed(String event, List<String> channels, String why) {
    stats.fail();
    LOG.warn("Realtime trigger {} on {} failed ({} failed so far): {}", event, channels, stats.failed(), why);
  }
}
