package io.vertebra.channels.console;

import static io.vertebra.console.shared.ConsoleApi.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertebra.channels.ChannelsApp;
import io.vertebra.channels.ChannelsObserver;
import io.vertebra.channels.channel.Channel;
import io.vertebra.channels.protocol.Frames;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's live event log: observes the channels server and publishes what it sees as {@code console:log}
 * batches on the reserved {@link io.vertebra.console.shared.ConsoleApi#FEED_CHANNEL}, through the channels server
 * itself (so the console's browser receives them with pusher-js like any app).
 *
 * <p>Cheap when nobody watches: every observation first checks that the feed channel is occupied. Observations are
 * only queued (bounded; the overflow is counted and reported as {@code dropped}) and a timer publishes them in
 * batches, so a busy server never waits for the console. The console's own traffic does not feed itself: events on
 * the feed channel are ignored, and the batches are handed to the channel directly, not through the HTTP API.
 */
public final class ConsoleFeed implements ChannelsObserver {

  /** Most entries waiting to be published; beyond, entries are dropped (and counted). */
  static final int MAX_PENDING = 2_000;
  /** Most entries in one published batch. */
  static final int MAX_BATCH = 200;
  /** Event data longer than this is cut in log entries (the console shows a preview, not the payload). */
  static final int MAX_DATA_CHARS = 2_000;

  private final ChannelsApp app;
  private final ConcurrentLinkedQueue<ObjectNode> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();

  /** A feed of {@code app}'s activity; install it with {@code app.observer().install(feed)} and {@link #flush}. */
  public ConsoleFeed(ChannelsApp app) {
    this.app = app;
  }

  @Override
  public void connectionOpened(String socketId) {
    queue(entry(CONNECTED, null, socketId));
  }

  @Override
  public void connectionRefused(int code, String message) {
    ObjectNode entry = entry(REFUSED, null, null);
    if (entry != null) {
      queue(entry.put(STATUS, code).put(MESSAGE, message));
    }
  }

  @Override
  public void connectionClosed(String socketId) {
    queue(entry(DISCONNECTED, null, socketId));
  }

  @Override
  public void subscribed(String channel, String socketId, String userId) {
    ObjectNode entry = entry(SUBSCRIBED, channel, socketId);
    if (entry != null && userId != null) {
      entry.put(USER_ID, userId);
    }
    queue(entry);
  }

  @Override
  public void unsubscribed(String channel, String socketId) {
    queue(entry(UNSUBSCRIBED, channel, socketId));
  }

  @Override
  public void subscriptionRejected(String channel, String socketId, int status, String message) {
    ObjectNode entry = entry(REJECTED, channel, socketId);
    if (entry != null) {
      queue(entry.put(STATUS, status).put(MESSAGE, message));
    }
  }

  @Override
  public void protocolError(String socketId, Integer code, String message) {
    ObjectNode entry = entry(PROTOCOL_ERROR, null, socketId);
    if (entry != null) {
      queue(entry.put(STATUS, code).put(MESSAGE, message));
    }
  }

  @Override
  public void clientEvent(String channel, String event, String data, String socketId, String userId) {
    ObjectNode entry = entry(CLIENT_EVENT, channel, socketId);
    if (entry != null) {
      entry.put(EVENT, event).put(DATA, preview(data));
      if (userId != null) {
        entry.put(USER_ID, userId);
      }
    }
    queue(entry);
  }

  @Override
  public void eventTriggered(String channel, String event, String data, String exceptSocketId) {
    ObjectNode entry = entry(API_EVENT, channel, exceptSocketId);
    if (entry != null) {
      queue(entry.put(EVENT, event).put(DATA, preview(data)));
    }
  }

  @Override
  public void apiError(String method, String path, int status, String message) {
    ObjectNode entry = entry(API_ERROR, null, null);
    if (entry != null) {
      queue(entry.put(STATUS, status).put(MESSAGE, method + " " + path + ": " + message));
    }
  }

  /**
   * Publishes what is pending, at most {@link #MAX_BATCH} entries per batch, to whoever is subscribed to the feed
   * channel. Called by a timer; safe to call from any one thread at a time.
   */
  public void flush() {
    Channel feed = app.channels().find(FEED_CHANNEL);
    while (pendingCount.get() > 0 || dropped.get() > 0) {
      ObjectNode batch = Frames.JSON.createObjectNode();
      ArrayNode entries = batch.putArray(ENTRIES);
      ObjectNode entry;
      while (entries.size() < MAX_BATCH && (entry = pending.poll()) != null) {
        pendingCount.decrementAndGet();
        entries.add(entry);
      }
      batch.put(DROPPED, dropped.getAndSet(0));
      if (feed != null) {
        feed.broadcast(Frames.event(FEED_CHANNEL, LOG_EVENT, Frames.stringify(batch)), null);
      }
      if (entries.size() < MAX_BATCH) {
        return;
      }
    }
  }

  /** A new entry to fill in, or null when nobody watches or it is about the feed channel itself. */
  private ObjectNode entry(String kind, String channel, String socketId) {
    if (FEED_CHANNEL.equals(channel) || app.channels().find(FEED_CHANNEL) == null) {
      return null;
    }
    ObjectNode entry = Frames.JSON.createObjectNode();
    entry.put(KIND, kind).put(TIME, app.clock().millis());
    if (channel != null) {
      entry.put(CHANNEL, channel);
    }
    if (socketId != null) {
      entry.put(SOCKET_ID, socketId);
    }
    return entry;
  }

  /** Queues a complete entry (null: nothing), or counts it as dropped when too many are waiting. */
  private void queue(ObjectNode entry) {
    if (entry == null) {
      return;
    }
    if (pendingCount.incrementAndGet() > MAX_PENDING) {
      pendingCount.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    pending.add(entry);
  }

  private static String preview(String data) {
    if (data == null || data.length() <= MAX_DATA_CHARS) {
      return data;
    }
    return data.substring(0, MAX_DATA_CHARS) + "… (" + data.length() + " characters)";
  }
}
