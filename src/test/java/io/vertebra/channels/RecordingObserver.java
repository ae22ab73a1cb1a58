package io.vertebra.channels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channels observer that records what it is told as short strings ("subscribed:x:socket:user"). */
public final class RecordingObserver implements ChannelsObserver {

  public final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public void connectionOpened(String socketId) {
    calls.add("opened:" + socketId);
  }

  @Override
  public void connectionRefused(int code, String message) {
    calls.add("refused:" + code);
  }

  @Override
  public void connectionClosed(String socketId) {
    calls.add("closed:" + socketId);
  }

  @Override
  public void subscribed(String channel, String socketId, String userId) {
    calls.add("subscribed:" + channel + ":" + socketId + ":" + userId);
  }

  @Override
  public void unsubscribed(String channel, String socketId) {
    calls.add("unsubscribed:" + channel + ":" + socketId);
  }

  @Override
  public void subscriptionRejected(String channel, String socketId, int status, String message) {
    calls.add("rejected:" + channel + ":" + socketId + ":" + status);
  }

  @Override
  public void protocolError(String socketId, Integer code, String message) {
    calls.add("protocol_error:" + socketId + ":" + code);
  }

  @Override
  public void clientEvent(String channel, String event, String data, String socketId, String userId) {
    calls.add("client_event:" + channel + ":" + event + ":" + data + ":" + socketId + ":" + userId);
  }

  @Override
  public void eventTriggered(String channel, String event, String data, String exceptSocketId) {
    calls.add("triggered:" + channel + ":" + event + ":" + data + ":" + exceptSocketId);
  }

  @Override
  public void apiError(String method, String path, int status, String message) {
    calls.add("api_error:" + method + ":" + status);
  }
}
