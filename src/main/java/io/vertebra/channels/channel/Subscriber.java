package io.vertebra.channels.channel;

/** What a channel needs from a connection: an identity and a non-blocking way to hand it a frame. */
public interface Subscriber {

  /** The connection's socket id ({@code 1234.5678}). */
  String socketId();

  /** Queues {@code frame} for sending; never blocks (a slow subscriber is disconnected, not waited for). */
  void send(String frame);
}
