package io.vertebra.framework.realtime;

import io.vertebra.framework.sync.HeaderHook;
import io.vertebra.framework.sync.RestSync;
import java.util.Map;

/**
 * Sends the realtime connection's socket id with every sync request as {@value #NAME}, so the server excludes
 * this connection when it publishes the resulting event: the writer's own view is not disturbed by an echo of
 * its change. Install it once at start-up, next to the {@link Notifier}:
 *
 * <pre>{@code
 * SocketIdHeader.install(notifier);
 * }</pre>
 *
 * While not connected there is no socket id and no header (the echo then arrives, and the version rule of
 * {@link LiveModels} ignores it).
 */
public final class SocketIdHeader implements HeaderHook {

  /** The header name the posts backend (and Pusher's own convention) expects. */
  public static final String NAME = "X-Socket-Id";

  private final Notifier notifier;

  private SocketIdHeader(Notifier notifier) {
    this.notifier = notifier;
  }

  /** Registers the header with every {@link RestSync}; returns the hook so that {@link #uninstall} can remove it. */
  public static SocketIdHeader install(Notifier notifier) {
    if (notifier == null) {
      throw new IllegalArgumentException("notifier is null");
    }
    SocketIdHeader hook = new SocketIdHeader(notifier);
    RestSync.addHeaderHook(hook);
    return hook;
  }

  /** Stops adding the header. */
  public void uninstall() {
    RestSync.removeHeaderHook(this);
  }

  @Override
  public void addHeaders(String method, String url, Map<String, String> headers) {
    String socketId = notifier.socketId();
    if (socketId != null) {
      headers.put(NAME, socketId);
    }
  }
}
