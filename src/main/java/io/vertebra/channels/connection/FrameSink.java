package io.vertebra.channels.connection;

import java.util.function.Consumer;

/** The transport under a connection: an asynchronous text send and a close with a code. Jetty in production. */
public interface FrameSink {

  /** Starts sending {@code text}; exactly one of the callbacks runs when the send completes. */
  void send(String text, Runnable done, Consumer<Throwable> failed);

  /** Closes the connection with a WebSocket close code and reason. */
  void close(int code, String reason);
}
