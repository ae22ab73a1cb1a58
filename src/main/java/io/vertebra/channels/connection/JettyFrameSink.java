package io.vertebra.channels.connection;

import io.vertebra.channels.ChannelsCounters;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@link FrameSink} over a Jetty WebSocket session: Jetty's own asynchronous, ordered send queue. Counts the frames
 * written and the server's closes by code (every close of an established connection goes through here).
 */
final class JettyFrameSink implements FrameSink {

  private final Session session;
  private final ChannelsCounters counters;

  JettyFrameSink(Session session, ChannelsCounters counters) {
    this.session = session;
    this.counters = counters;
  }

  @Override
  public void send(String text, Runnable done, Consumer<Throwable> failed) {
    session.sendText(text, Callback.from(() -> {
      counters.frameSent();
      done.run();
    }, failure -> {
      counters.frameFailed();
      failed.accept(failure);
    }));
  }

  @Override
  public void close(int code, String reason) {
    counters.connectionClosedByServer(code);
    session.close(code, reason, Callback.NOOP);
  }
}
