package io.vertebra.channels.connection;

import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** {@link FrameSink} over a Jetty WebSocket session: Jetty's own asynchronous, ordered send queue. */
final class JettyFrameSink implements FrameSink {

  private final Session session;

  JettyFrameSink(Session session) {
    this.session = session;
  }

  @Override
  public void send(String text, Runnable done, Consumer<Throwable> failed) {
    session.sendText(text, Callback.from(done, failed));
  }

  @Override
  public void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }
}
