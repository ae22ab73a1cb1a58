package io.vertebra.kit.realtime;

import com.pusher.rest.PusherAsync;
import com.pusher.rest.data.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends committed changes to realtime subscribers through pusher-http-java's asynchronous client, exactly as an app
 * on hosted Pusher would. Call it only after the database commit: it never blocks and never throws. A failed
 * trigger is logged and counted ({@link #stats()}), the write stands, and browsers catch up by re-fetching after a
 * reconnection (Pusher does not replay what a client missed).
 *
 * <pre>{@code
 * EventTrigger events = new EventTrigger(PusherClients.create(realtime));
 * events.trigger(List.of("post-7", "posts"), "post:change", json, request.getHeader("X-Socket-Id"));
 * }</pre>
 */
public final class EventTrigger {

  /** Pusher's limit on one event's data, in bytes: larger records are announced by reference instead. */
  public static final int MAX_EVENT_DATA_BYTES = 10 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EventTrigger.class);

  private final PusherAsync pusher;
  private final TriggerStats stats = new TriggerStats();

  /** Triggers through {@code pusher} (see {@link PusherClients#create}: data is passed as JSON text). */
  public EventTrigger(PusherAsync pusher) {
    this.pusher = pusher;
  }

  /** Whether {@code json} fits in one event ({@link #MAX_EVENT_DATA_BYTES}). */
  public static boolean fits(String json) {
    return json.getBytes(StandardCharsets.UTF_8).length <= MAX_EVENT_DATA_BYTES;
  }

  /**
   * Sends {@code event} with {@code json} data on {@code channels}, to every subscriber but the socket
   * {@code socketId} (the sender, who already has the change; null for none).
   */
  public void trigger(List<String> channels, String event, String json, String socketId) {
    stats.attempt();
    try {
      pusher.trigger(channels, event, json, socketId).whenComplete((result, error) -> {
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

  /** Counters of the triggers sent so far. */
  public TriggerStats stats() {
    return stats;
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
