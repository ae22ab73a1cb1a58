package io.vertebra.channels.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class OutboundTest {

  @Test
  void aClientThatReadsKeepsItsConnection() {
    RecordingSink sink = new RecordingSink(true);
    Outbound out = new Outbound(sink, 3, 1_000, Runnable::run);
    for (int i = 0; i < 100; i++) {
      assertTrue(out.send("{\"n\":" + i + "}"));
    }
    assertEquals(0, out.pendingFrames());
    assertNull(sink.closeCode);
  }

  @Test
  void aClientThatFallsTooManyFramesBehindIsClosedWith4100() {
    RecordingSink sink = new RecordingSink(false);
    Outbound out = new Outbound(sink, 3, 1_000_000, Runnable::run);
    assertTrue(out.send("a"));
    assertTrue(out.send("b"));
    assertTrue(out.send("c"));
    assertFalse(out.send("d"));
    assertEquals(ErrorCode.OVER_CAPACITY, sink.closeCode);
    assertFalse(out.send("e"), "nothing more is queued after the close");
    assertEquals(3, sink.sentCount());
  }

  @Test
  void theByteBoundCountsToo() {
    RecordingSink sink = new RecordingSink(false);
    Outbound out = new Outbound(sink, 1_000, 10, Runnable::run);
    assertTrue(out.send("12345"));
    assertFalse(out.send("1234567"));
    assertEquals(ErrorCode.OVER_CAPACITY, sink.closeCode);
  }

  @Test
  void completedSendsFreeTheirRoom() {
    RecordingSink sink = new RecordingSink(false);
    Outbound out = new Outbound(sink, 2, 1_000, Runnable::run);
    assertTrue(out.send("a"));
    assertTrue(out.send("b"));
    sink.completeAll();
    assertTrue(out.send("c"));
    assertTrue(out.send("d"));
    assertNull(sink.closeCode);
  }
}
