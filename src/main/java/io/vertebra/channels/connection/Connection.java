package io.vertebra.channels.connection;

import io.vertebra.channels.channel.Subscriber;
import io.vertebra.channels.limits.RateLimiter;
import io.vertebra.channels.protocol.OutgoingFrame;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client connection: its socket id, its send queue, the channels it subscribed to, the user it signed in as,
 * its client-event budget, when it was opened and last heard from, and whether it is authorized (signed in, or
 * subscribed to a channel that needs a signature).
 */
public final class Connection implements Subscriber {

  private final String socketId;
  private final Outbound outbound;
  private final RateLimiter clientEvents;
  private final Set<String> channels = ConcurrentHashMap.newKeySet();
  private final long openedNanos;
  private volatile String userId;
  private volatile boolean authorized;
  private volatile long lastActivityNanos;
  private volatile long pingSentNanos;

  /** A connection that has just been accepted at {@code nowNanos}. */
  public Connection(String socketId, Outbound outbound, RateLimiter clientEvents, long nowNanos) {
    this.socketId = socketId;
    this.outbound = outbound;
    this.clientEvents = clientEvents;
    this.openedNanos = nowNanos;
    this.lastActivityNanos = nowNanos;
  }

  @Override
  public String socketId() {
    return socketId;
  }

  @Override
  public void send(OutgoingFrame frame) {
    outbound.send(frame);
  }

  /** Closes the connection with a protocol close code (asynchronously, once). */
  public void close(int code, String reason) {
    outbound.closeAsync(code, reason);
  }

  /** Whether a close was requested. */
  public boolean isClosing() {
    return outbound.isClosed();
  }

  /** The names of the channels this connection is subscribed to (live view). */
  public Set<String> channels() {
    return channels;
  }

  /** The signed-in user id, or null. */
  public String userId() {
    return userId;
  }

  /** Records a successful sign-in, which authorizes the connection. */
  public void signIn(String userId) {
    this.userId = userId;
    this.authorized = true;
  }

  /** Records a subscription the app's auth endpoint signed (private, encrypted or presence). */
  public void authorize() {
    this.authorized = true;
  }

  /** Whether the connection signed in or holds a signed subscription (Pusher's "authorized connection"). */
  public boolean isAuthorized() {
    return authorized;
  }

  /** When the connection was accepted. */
  public long openedNanos() {
    return openedNanos;
  }

  /** The client-event budget (used only from this connection's message thread). */
  public RateLimiter clientEvents() {
    return clientEvents;
  }

  /** Notes that the client sent something at {@code nowNanos}; cancels a pending server ping. */
  public void heard(long nowNanos) {
    lastActivityNanos = nowNanos;
    pingSentNanos = 0;
  }

  /** When the client was last heard from. */
  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  /** When the server pinged the silent client, or 0 when no ping is outstanding. */
  public long pingSentNanos() {
    return pingSentNanos;
  }

  /** Records that the server pinged the client at {@code nowNanos}. */
  public void pinged(long nowNanos) {
    pingSentNanos = nowNanos;
  }
}
