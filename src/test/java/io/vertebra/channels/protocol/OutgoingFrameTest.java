package io.vertebra.channels.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class OutgoingFrameTest {

  private static String read(ByteBuffer view) {
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return new String(bytes, UTF_8);
  }

  @Test
  void everySendGetsItsOwnViewSoOneSocketsWriteNeverEmptiesAnothersFrame() {
    OutgoingFrame shared = OutgoingFrame.shared("{\"event\":\"e\",\"data\":\"x\"}");
    ByteBuffer first = shared.bytes();
    ByteBuffer second = shared.bytes();
    first.position(first.limit() - 3); // a partial write by the first socket
    assertEquals("{\"event\":\"e\",\"data\":\"x\"}", read(second), "the second socket still sends the whole frame");
    assertEquals("\"}", read(first).substring(1));
    assertEquals("{\"event\":\"e\",\"data\":\"x\"}", read(shared.bytes()), "and so does a later one");
  }

  @Test
  void theBytesAreUtf8AndTheSizeCountsBytesNotCharacters() {
    String text = "{\"data\":\"Grüße, 世界\"}";
    for (OutgoingFrame frame : new OutgoingFrame[] {OutgoingFrame.of(text), OutgoingFrame.shared(text)}) {
      assertEquals(text.getBytes(UTF_8).length, frame.size());
      assertTrue(frame.size() > text.length());
      assertEquals(text, read(frame.bytes()));
      assertEquals(text, frame.text());
    }
  }

  @Test
  void aSharedFrameCannotBeChangedThroughAView() {
    ByteBuffer view = OutgoingFrame.shared("{}").bytes();
    assertTrue(view.isReadOnly());
    assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'x'));
  }
}
