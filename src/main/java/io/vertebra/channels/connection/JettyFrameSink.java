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

  // How deep this thread is in Jetty's sendFrame: Jetty may finish a closing handshake or fail a broken connection
  // inline, and tell the endpoint before sendFrame returns, while the sender holds a channel's lock.
  private static final ThreadLocal<int[]> SENDING = ThreadLocal.withInitial(() -> new int[1]);

  private final CoreSession core;
  private final ChannelsCounters counters;

  JettyFrameSink(CoreSession core, ChannelsCounters counters) {
    this.core = core;
    this.counters = counters;
  }

  @Override
  public void send(OutgoingFrame frame, Completion completion) {
    int[] depth = SENDING.get();
    depth[0]++;
    try {
      core.sendFrame(new Frame(OpCode.TEXT, frame.bytes()), new Sent(counters, completion), false);
    } finally {
      depth[0]--;
    }
  }

  /** Whether this thread is inside a send (of any connection): what Jetty reports now, it reports inline. */
  static boolean sending() {
    return SENDING.get()[0] > 0;
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
