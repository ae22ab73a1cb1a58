package io.vertebra.channels.connection;

import io.vertebra.channels.protocol.OutgoingFrame;

/** The transport under a connection: an asynchronous text send and a close with a code. Jetty in production. */
public interface FrameSink {

  /** How a send ended; exactly one method runs, once. */
  interface Completion {
    /** The frame was written. */
    void sent();

    /** The frame could not be written (the connection broke). */
    void failed(Throwable cause);
  }

  /** Starts sending {@code frame} as one text message; {@code completion} hears how it ended. */
  void send(OutgoingFrame frame, Completion completion);

  /** Closes the connection with a WebSocket close code and reason. */
  void close(int code, String reason);
}
