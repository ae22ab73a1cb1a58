package io.vertebra.channels.channel;

import io.vertebra.channels.protocol.OutgoingFrame;

/** What a channel needs from a connection: an identity and a non-blocking way to hand it a frame. */
public interface Subscriber {

  /** The connection's socket id ({@code 1234.5678}). */
  String socketId();

  /**
   * Queues {@code frame} for sending; never blocks (a slow subscriber is disconnected, not waited for). The frame
   * may be shared with other subscribers: it is read, never changed.
   */
  void send(OutgoingFrame frame);

  /** Queues a frame built for this subscriber alone. */
  default void send(String frame) {
    send(OutgoingFrame.of(frame));
  }
}
