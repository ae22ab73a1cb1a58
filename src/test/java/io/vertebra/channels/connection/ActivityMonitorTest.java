package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityMonitorTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void silentClientIsPingedThenClosedWith4201WhenItDoesNotAnswer() {
    TestApp t = new TestApp(Limits.defaults(), ChannelListener.NONE);
    var c = t.connect();
    long start = c.connection.lastActivityNanos();
    ActivityMonitor monitor = new ActivityMonitor(t.app);
    monitor.sweep(start + 119 * SECOND);
    assertEquals(List.of(), c.sink.events());
    monitor.sweep(start + 121 * SECOND);
    assertEquals(List.of("pusher:ping"), c.sink.events());
    monitor.sweep(start + 150 * SECOND);
    assertNull(c.sink.closeCode);
    monitor.sweep(start + 152 * SECOND);
    assertEquals(ErrorCode.PONG_NOT_RECEIVED, c.sink.closeCode);
  }

  @Test
  void answeringThePingKeepsTheConnection() {
    TestApp t = new TestApp(Limits.defaults(), ChannelListener.NONE);
    var c = t.connect();
    long start = c.connection.lastActivityNanos();
    ActivityMonitor monitor = new ActivityMonitor(t.app);
    monitor.sweep(start + 121 * SECOND);
    t.handler.onText(c.connection, "{\"event\":\"pusher:pong\",\"data\":{}}", start + 122 * SECOND);
    monitor.sweep(start + 160 * SECOND);
    assertNull(c.sink.closeCode);
  }

  @Test
  void anAnonymousConnectionIsClosedWith4009WhenTheAuthorizationTimeoutRunsOut() {
    TestApp t = new TestApp(Limits.from(Map.of("CHANNELS_AUTHORIZATION_TIMEOUT", "30")), ChannelListener.NONE);
    var anonymous = t.connect();
    var onPublicOnly = t.connect();
    onPublicOnly.subscribe("news");
    long start = Math.max(anonymous.connection.openedNanos(), onPublicOnly.connection.openedNanos());
    ActivityMonitor monitor = new ActivityMonitor(t.app);
    monitor.sweep(start + 29 * SECOND);
    assertNull(anonymous.sink.closeCode);
    monitor.sweep(start + 31 * SECOND);
    assertEquals(ErrorCode.UNAUTHORIZED, anonymous.sink.closeCode);
    assertEquals(ErrorCode.UNAUTHORIZED, onPublicOnly.sink.closeCode, "a public channel does not authorize");
  }

  @Test
  void signingInOrASignedSubscriptionAuthorizesTheConnection() {
    TestApp t = new TestApp(Limits.from(Map.of("CHANNELS_AUTHORIZATION_TIMEOUT", "30")), ChannelListener.NONE);
    var signedIn = t.connect();
    signedIn.signIn("ada");
    var privateSubscriber = t.connect();
    privateSubscriber.subscribePrivate("private-room");
    var presenceMember = t.connect();
    presenceMember.subscribePresence("presence-room", "bob");
    var encryptedSubscriber = t.connect();
    encryptedSubscriber.subscribePrivate("private-encrypted-room");
    var forged = t.connect();
    forged.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-room\",\"auth\":\"test-key:00\"}}");
    long start = forged.connection.openedNanos();
    new ActivityMonitor(t.app).sweep(start + 31 * SECOND);
    for (var client : List.of(signedIn, privateSubscriber, presenceMember, encryptedSubscriber)) {
      assertNull(client.sink.closeCode, client.connection.socketId() + ": " + client.sink.events());
      assertEquals(true, client.connection.isAuthorized());
    }
    assertEquals(ErrorCode.UNAUTHORIZED, forged.sink.closeCode, "a refused signature does not authorize");
  }

  @Test
  void anonymousConnectionsStayWhenNoAuthorizationTimeoutIsSet() {
    TestApp t = new TestApp(Limits.defaults(), ChannelListener.NONE);
    var anonymous = t.connect();
    long start = anonymous.connection.openedNanos();
    ActivityMonitor monitor = new ActivityMonitor(t.app);
    monitor.sweep(start + 100 * SECOND);
    assertNull(anonymous.sink.closeCode);
  }
}
