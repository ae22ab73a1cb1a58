package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsCounters;
import io.vertebra.channels.protocol.OutgoingFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * {@link FrameSink} over a Jetty WebSocket session: Jetty's own asynchronous, ordered send queue. Sends through the
 * session's core layer with the frame's already-encoded bytes ({@code Session.sendText} would encode the text again
 * for every connection). Counts the frames written and the server's closes by code (every close of an established
 * connection goes through here).
 */
final class JettyFrameSink implements FrameSink {

  private final Session session;
  private final CoreSession core;
  private final ChannelsCounters counters;

  JettyFrameSink(Session session, ChannelsCounters counters) {
    this.session = session;
    this.core = ((WebSocketSession) session).getCoreSession();
    this.counters = counters;
  }

  @Override
  public void send(OutgoingFrame frame, Completion completion) {
    core.sendFrame(new Frame(OpCode.TEXT, frame.bytes()), new Sent(counters, completion), false);
  }

  @Override
  public void close(int code, String reason) {
    counters.connectionClosedByServer(code);
    session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
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
