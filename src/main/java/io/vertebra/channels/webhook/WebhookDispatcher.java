package io.vertebra.channels.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.auth.Hmac;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.protocol.Frames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pusher-style webhooks: channel_occupied, channel_vacated, member_added, member_removed, cache_miss,
 * subscription_count and client_event are
 * queued (never sent on the caller's thread), batched every {@value #FLUSH_MILLIS} ms into
 * {@code {"time_ms": ..., "events": [...]}} and POSTed with {@code X-Pusher-Key} and {@code X-Pusher-Signature}
 * (HMAC-SHA256 of the body with the app secret). A failed delivery (error or non-2xx) is retried with doubling
 * delays, {@value #MAX_ATTEMPTS} attempts in all; the queue is bounded so a dead receiver cannot exhaust memory.
 */
public final class WebhookDispatcher implements ChannelListener {

  static final long FLUSH_MILLIS = 250;
  static final int MAX_ATTEMPTS = 5;
  static final int MAX_BATCH = 100;
  static final int MAX_QUEUED = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final URI url;
  private final java.util.Set<String> eventTypes;
  private final AppCredentials credentials;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final long firstRetryMillis;
  private final Queue<ObjectNode> queue = new ConcurrentLinkedQueue<>();

  /**
   * A dispatcher posting every event type to {@code url}; {@code firstRetryMillis} is the delay before the first
   * retry.
   */
  public WebhookDispatcher(URI url, AppCredentials credentials, HttpClient http,
      ScheduledExecutorService scheduler, Clock clock, long firstRetryMillis) {
    this(Webhook.allEvents(url), credentials, http, scheduler, clock, firstRetryMillis);
  }

  /** A dispatcher posting the event types {@code webhook} asks for to its URL, signed with the app's secret. */
  public WebhookDispatcher(Webhook webhook, AppCredentials credentials, HttpClient http,
      ScheduledExecutorService scheduler, Clock clock, long firstRetryMillis) {
    this.url = webhook.url();
    this.eventTypes = webhook.eventTypes();
    this.credentials = credentials;
    this.http = http;
    this.scheduler = scheduler;
    this.clock = clock;
    this.firstRetryMillis = firstRetryMillis;
    scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The signature a receiver checks: HMAC-SHA256 hex of the exact body with the app secret. */
  public static String signature(String secret, String body) {
    return Hmac.sha256Hex(secret, body);
  }

  @Override
  public void channelOccupied(String channel) {
    enqueue(event("channel_occupied", channel));
  }

  @Override
  public void channelVacated(String channel) {
    enqueue(event("channel_vacated", channel));
  }

  @Override
  public void memberAdded(String channel, String userId) {
    enqueue(event("member_added", channel).put("user_id", userId));
  }

  @Override
  public void memberRemoved(String channel, String userId) {
    enqueue(event("member_removed", channel).put("user_id", userId));
  }

  @Override
  public void cacheMiss(String channel) {
    enqueue(event("cache_miss", channel));
  }

  @Override
  public void subscriptionCount(String channel, int count) {
    enqueue(event("subscription_count", channel).put("subscription_count", count));
  }

  @Override
  public void clientEvent(String channel, String event, String data, String socketId, String userId) {
    ObjectNode e = event("client_event", channel).put("event", event).put("data", data).put("socket_id", socketId);
    if (userId != null) {
      e.put("user_id", userId);
    }
    enqueue(e);
  }

  private static ObjectNode event(String name, String channel) {
    return Frames.JSON.createObjectNode().put("name", name).put("channel", channel);
  }

  private void enqueue(ObjectNode event) {
    if (!eventTypes.contains(event.get("name").asText())) {
      return; // this webhook did not ask for the type
    }
    if (queue.size() >= MAX_QUEUED) {
      LOG.warn("Webhook queue full ({} events); dropping {}", MAX_QUEUED, event.get("name").asText());
      return;
    }
    queue.add(event);
  }

  /** Sends what is queued, in batches. */
  void flush() {
    List<ObjectNode> batch = new ArrayList<>();
    ObjectNode next;
    while ((next = queue.poll()) != null) {
      batch.add(next);
      if (batch.size() == MAX_BATCH) {
        deliver(body(batch), 1);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      deliver(body(batch), 1);
    }
  }

  private String body(List<ObjectNode> events) {
    ObjectNode root = Frames.JSON.createObjectNode().put("time_ms", clock.millis());
    ArrayNode array = root.putArray("events");
    events.forEach(array::add);
    return Frames.stringify(root);
  }

  private void deliver(String body, int attempt) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Pusher-Key", credentials.key())
        .header("X-Pusher-Signature", signature(credentials.secret(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      boolean ok = failure == null && response.statusCode() / 100 == 2;
      if (ok) {
        return;
      }
      String why = failure != null ? failure.toString() : "HTTP " + response.statusCode();
      if (attempt >= MAX_ATTEMPTS || scheduler.isShutdown()) {
        LOG.warn("Webhook to {} failed after {} attempts ({}); dropped", url, attempt, why);
        return;
      }
      long delay = firstRetryMillis << (attempt - 1);
      scheduler.schedule(() -> deliver(body, attempt + 1), delay, TimeUnit.MILLISECONDS);
    });
  }
}
