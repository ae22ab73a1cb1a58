package io.vertebra.framework.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.framework.realtime.ConnectionState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The words of the connection badge, decided in plain Java (its DOM is covered by the apps' browser tests). */
class ConnectionBadgeTest {

  @Test
  @DisplayName("connected is live, (re)connecting is reconnecting, the rest is offline")
  void connectionStatus() {
    assertEquals("live", ConnectionBadge.status(ConnectionState.CONNECTED));
    assertEquals("reconnecting", ConnectionBadge.status(ConnectionState.CONNECTING));
    assertEquals("reconnecting", ConnectionBadge.status(ConnectionState.INITIALIZED));
    assertEquals("offline", ConnectionBadge.status(ConnectionState.UNAVAILABLE));
    assertEquals("offline", ConnectionBadge.status(ConnectionState.DISCONNECTED));
    assertEquals("offline", ConnectionBadge.status(ConnectionState.FAILED));
  }

  @Test
  @DisplayName("each status has its label")
  void labels() {
    assertEquals("Live", ConnectionBadge.label("live"));
    assertEquals("Connecting…", ConnectionBadge.label("reconnecting"));
    assertEquals("Offline", ConnectionBadge.label("offline"));
  }
}
