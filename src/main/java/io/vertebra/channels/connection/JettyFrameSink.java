package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsCounters;
import io.vertebra.channels.protocol.OutgoingFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * {@link FrameSink} over a Jetty core WebSocket session: Jetty's own asynchronous, ordered send queue, given the
 * frame's already-encoded bytes (encoding the text again for every connection would be a broadcast's main cost).
 * Counts the frames written and the server's closes by code (every close of an established connection goes
 * through here).
 */
final class JettyFrameSink implements FrameSink {

  private final CoreSession core;
  private final ChannelsCounters counters;

  JettyFrameSink(CoreSession core, ChannelsCounters counters) {
    this.core = core;
    this.counters = counters;
  }

  @Override
  public void send(OutgoingFrame frame, Completion completion) {
    core.sendFrame(new Frame(OpCode.TEXT, frame.bytes()), new Sent(counters, completion), false);
  }

  @Override
  public void close(int code, String reason) {
    counters.connectionClosedByServer(code);
    core.close(code, reason, Callback.NOOP);
  }

  /** Jetty's callback for one frame: counts it, then completes the caller's send. */
  private record Sent(ChannelsCounters counters, Completion completion) implements Callback {
    @Override
    public void succeeded() {
      counters.frameSent();
      completion.sent();
    }

    @Override
    public void failed(Throwable cause) {
      counters.frameFailed();
      completion.failed(cause);
    }
  }
}
