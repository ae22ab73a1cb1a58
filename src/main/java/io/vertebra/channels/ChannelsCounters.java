package io.vertebra.channels;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals for monitoring (e.g. a Prometheus {@code /metrics} endpoint). {@link LongAdder}s, so counting on
 * the message and fan-out paths never contends.
 */
public final class ChannelsCounters {

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

  /** A client was answered with pusher:error. */
  public void clientError() {
    clientErrors.increment();
  }

  /** An event was published to {@code channels} channels through the HTTP API. */
  public void published(int channels) {
    eventsPublished.add(channels);
  }

  /** An HTTP API request was answered with {@code status}. */
  public void apiRequest(int status) {
    apiRequests.increment();
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
}
