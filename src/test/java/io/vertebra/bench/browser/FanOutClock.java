package io.vertebra.bench.browser;

import io.vertebra.channels.ChannelsObserver;
import io.vertebra.channels.ObserverSlot;
import java.time.Instant;

/**
 * Notes when the embedded channels server last fanned an event out on a channel starting with a prefix: the
 * moment inside the HTTP API handler between the trigger's request leg and its response leg. Takes the slot's
 * place and passes everything on to the observer that held it (the debug console's feed), so the server does the
 * same work as without it.
 */
final class FanOutClock implements ChannelsObserver {

  private final String prefix;
  private final ChannelsObserver next;
  private volatile long lastMicros;

  private FanOutClock(String prefix, ChannelsObserver next) {
    this.prefix = prefix;
    this.next = next;
  }

  /** Installs a clock for channels starting with {@code prefix} in front of the slot's current observer. */
  static FanOutClock install(ObserverSlot slot, String prefix) {
    FanOutClock clock = new FanOutClock(prefix, slot.get());
    slot.install(null);
    slot.install(clock);
    return clock;
  }

  @Override
  public void eventTriggered(String channel, String event, String data, String exceptSocketId) {
    if (channel.startsWith(prefix)) {
      Instant now = Instant.now();
      lastMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
    next.eventTriggered(channel, event, data, exceptSocketId);
  }

  /** Epoch milliseconds (fractional) of the last fan-out, 0 when none yet. */
  double lastMs() {
    return BrowserBench.epochMs(lastMicros);
  }

  @Override
  public void connectionOpened(String socketId) {
    next.connectionOpened(socketId);
  }

  @Override
  public void connectionRefused(int code, String message) {
    next.connectionRefused(code, message);
  }

  @Override
  public void connectionClosed(String socketId) {
    next.connectionClosed(socketId);
  }

  @Override
  public void subscribed(String channel, String socketId, String userId) {
    next.subscribed(channel, socketId, userId);
  }

  @Override
  public void unsubscribed(String channel, String socketId) {
    next.unsubscribed(channel, socketId);
  }

  @Override
  public void subscriptionRejected(String channel, String socketId, int status, String message) {
    next.subscriptionRejected(channel, socketId, status, message);
  }

  @Override
  public void protocolError(String socketId, Integer code, String message) {
    next.protocolError(socketId, code, message);
  }

  @Override
  public void clientEvent(String channel, String event, String data, String socketId, String userId) {
    next.clientEvent(channel, event, data, socketId, userId);
  }

  @Override
  public void apiError(String method, String path, int status, String message) {
    next.apiError(method, path, status, message);
  }
}
