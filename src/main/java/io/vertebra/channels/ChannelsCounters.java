package io.vertebra.channels;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals for monitoring (e.g. a Prometheus {@code /metrics} endpoint). {@link LongAdder}s, so counting on
 * the message and fan-out paths never contends.
 */
public final class ChannelsCounters {

  /** Label for a {@code pusher:error} the protocol gives no code (e.g. malformed JSON). */
  static final int NO_CODE = 0;

  final LongAdder connectionsOpened = new LongAdder();
  final Map<Integer, LongAdder> connectionsRejected = new ConcurrentHashMap<>();
  final Map<Integer, LongAdder> connectionsClosedByServer = new ConcurrentHashMap<>();
  final Map<Integer, LongAdder> clientErrorsByCode = new ConcurrentHashMap<>();
  final LongAdder framesSent = new LongAdder();
  final LongAdder framesFailed = new LongAdder();
  final LongAdder clientEvents = new LongAdder();
  final LongAdder deliveries = new LongAdder();
  final Map<Integer, LongAdder> apiResponses = new ConcurrentHashMap<>();

  final LongAdder clientMessages = new LongAdder();
  final LongAdder clientErrors = new LongAdder();
  final LongAdder eventsPublished = new LongAdder();
  final LongAdder apiRequests = new LongAdder();
  final LongAdder apiErrors = new LongAdder();
  final LongAdder clusterErrors = new LongAdder();

  /** A frame arrived from a client. */
  public void clientMessage() {
    clientMessages.increment();
  }

  /** A client was answered with pusher:error carrying {@code code} (null when the protocol gives none). */
  public void clientError(Integer code) {
    clientErrors.increment();
    increment(clientErrorsByCode, code == null ? NO_CODE : code);
  }

  /** An event was published to {@code channels} channels through the HTTP API. */
  public void published(int channels) {
    eventsPublished.add(channels);
  }

  /** An HTTP API request was answered with {@code status}. */
  public void apiRequest(int status) {
    apiRequests.increment();
    increment(apiResponses, status);
    if (status >= 400) {
      apiErrors.increment();
    }
  }

  /** A cluster operation (Redis command, publish or subscription) failed; the node carried on locally. */
  public void clusterError() {
    clusterErrors.increment();
  }

  /** The totals now, with the current connection and channel counts. */
  public ChannelsStats snapshot(int connections, int channels) {
    return new ChannelsStats(connections, channels, clientMessages.sum(), clientErrors.sum(),
        eventsPublished.sum(), apiRequests.sum(), apiErrors.sum(), clusterErrors.sum());
  }

  /** A WebSocket connection was accepted (pusher:connection_established sent). */
  public void connectionOpened() {
    connectionsOpened.increment();
  }

  /** A WebSocket connection was refused at once with the protocol close {@code code} (bad key, quota...). */
  public void connectionRejected(int code) {
    increment(connectionsRejected, code);
  }

  /** The server closed an established connection with {@code code} (4100 = too slow a reader, 4201 = no pong...). */
  public void connectionClosedByServer(int code) {
    increment(connectionsClosedByServer, code);
  }

  /** A frame was written to a client. */
  public void frameSent() {
    framesSent.increment();
  }

  /** Writing a frame to a client failed (the connection broke). */
  public void frameFailed() {
    framesFailed.increment();
  }

  /** A client event was relayed to its channel. */
  public void clientEvent() {
    clientEvents.increment();
  }

  /**
   * An event triggered through the HTTP API (of this node, or of another node of the cluster) was queued for
   * {@code subscribers} subscribers.
   */
  public void delivered(int subscribers) {
    deliveries.add(subscribers);
  }

  private static void increment(Map<Integer, LongAdder> byCode, int code) {
    LongAdder counter = byCode.get(code);
    if (counter == null) {
      counter = byCode.computeIfAbsent(code, c -> new LongAdder());
    }
    counter.increment();
  }
}
