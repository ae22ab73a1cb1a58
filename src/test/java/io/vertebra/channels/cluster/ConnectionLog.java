package io.vertebra.channels.cluster;

import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import io.vertebra.channels.JavaClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection states a pusher-java-client went through, with when ({@link System#nanoTime()}): how a test sees
 * that the server made a client reconnect, and how long that took.
 */
final class ConnectionLog implements ConnectionEventListener {

  /** One state change. */
  record Change(ConnectionState state, long nanos) {}

  private final List<Change> changes = new CopyOnWriteArrayList<>();

  /** Starts recording {@code client}'s state changes. */
  static ConnectionLog of(JavaClient client) {
    ConnectionLog log = new ConnectionLog();
    client.pusher.getConnection().bind(ConnectionState.ALL, log);
    return log;
  }

  @Override
  public void onConnectionStateChange(ConnectionStateChange change) {
    changes.add(new Change(change.getCurrentState(), System.nanoTime()));
  }

  @Override
  public void onError(String message, String code, Exception e) {}

  /** When the connection first left CONNECTED after {@code sinceNanos}, or -1. */
  long droppedAfter(long sinceNanos) {
    return changes.stream().filter(c -> c.nanos() >= sinceNanos && c.state() != ConnectionState.CONNECTED)
        .mapToLong(Change::nanos).min().orElse(-1);
  }

  /** When the connection was CONNECTED again after {@code sinceNanos}, or -1. */
  long reconnectedAfter(long sinceNanos) {
    return changes.stream().filter(c -> c.nanos() >= sinceNanos && c.state() == ConnectionState.CONNECTED)
        .mapToLong(Change::nanos).min().orElse(-1);
  }
}
