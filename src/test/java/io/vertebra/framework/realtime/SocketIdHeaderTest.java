package io.vertebra.framework.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.framework.core.Model;
import io.vertebra.framework.realtime.memory.InMemoryRealtimeHub;
import io.vertebra.framework.sync.RecordingTransport;
import io.vertebra.framework.sync.RestSync;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SocketIdHeaderTest {

  private final Notifier notifier = new Notifier(new InMemoryRealtimeHub().newConnection());
  private final RecordingTransport transport = new RecordingTransport();
  private final Model post = new Model(Map.of("title", "Hi")).setSync(new RestSync(transport));
  private SocketIdHeader header;

  @AfterEach
  void uninstall() {
    if (header != null) {
      header.uninstall();
    }
  }

  @Test
  @DisplayName("every sync request carries X-Socket-Id with the current socket id")
  void requestsCarryTheSocketId() {
    post.setUrl("/api/posts");
    header = SocketIdHeader.install(notifier);
    notifier.connect();

    post.save();
    post.fetch();

    assertNotNull(notifier.socketId());
    assertEquals(notifier.socketId(), transport.exchanges().get(0).request().header(SocketIdHeader.NAME));
    assertEquals(notifier.socketId(), transport.exchanges().get(1).request().header(SocketIdHeader.NAME));
  }

  @Test
  @DisplayName("no header while not connected, nor after uninstall()")
  void noSocketNoHeader() {
    post.setUrl("/api/posts");
    header = SocketIdHeader.install(notifier);
    post.save();
    assertNull(transport.lastRequest().header(SocketIdHeader.NAME));

    notifier.connect();
    header.uninstall();
    post.fetch();
    assertNull(transport.lastRequest().header(SocketIdHeader.NAME));
  }
}
