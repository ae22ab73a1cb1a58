package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.protocol.ErrorCode;
import java.util.List;
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
}
