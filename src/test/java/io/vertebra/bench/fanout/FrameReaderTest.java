package io.vertebra.bench.fanout;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load driver's frame reader: whole, split, fragmented, interleaved and invalid server frames. */
class FrameReaderTest {

  private final List<String> seen = new ArrayList<>();
  private final FrameReader reader = new FrameReader(new FrameReader.Listener() {
    @Override
    public void message(int opcode, byte[] bytes, int offset, int length) {
      seen.add(opcode + ":" + new String(bytes, offset, length, UTF_8));
    }

    @Override
    public void control(int opcode, byte[] bytes, int offset, int length) {
      seen.add("control " + opcode + ":" + new String(bytes, offset, length, UTF_8));
    }
  });

  @Test
  void readsWholeFramesInPlaceAndKeepsAnIncompleteOne() throws Exception {
    byte[] stream = concat(frame(true, 1, "one"), frame(true, 1, "two"), frame(true, 1, "three"));
    ByteBuffer in = ByteBuffer.wrap(stream, 0, stream.length - 2);
    assertEquals(7, reader.read(in));
    assertEquals(List.of("1:one", "1:two"), seen);
    assertEquals(5, in.remaining());
  }

  @Test
  void sameMessagesWhenTheStreamArrivesOneByteAtATime() throws Exception {
    String big = "x".repeat(70_000); // 64-bit length
    String medium = "é".repeat(100); // 16-bit length, multi-byte UTF-8
    byte[] stream = concat(frame(true, 1, big), frame(true, 1, medium), frame(true, 1, "end"));
    ByteBuffer in = ByteBuffer.allocate(stream.length);
    for (byte b : stream) {
      in.put(b).flip();
      reader.read(in);
      in.compact();
    }
    assertEquals(List.of("1:" + big, "1:" + medium, "1:end"), seen);
  }

  @Test
  void joinsFragmentsWithControlFramesInBetween() throws Exception {
    byte[] stream = concat(frame(false, 1, "{\"event\":"), frame(true, 9, "are you there"),
        frame(false, 0, "\"tick\","), frame(true, 0, "\"data\":1}"), frame(true, 1, "next"));
    reader.read(ByteBuffer.wrap(stream));
    assertEquals(List.of("control 9:are you there", "1:{\"event\":\"tick\",\"data\":1}", "1:next"), seen);
  }

  @Test
  void reportsTheSizeOfAFrameLargerThanTheBuffer() throws Exception {
    byte[] stream = frame(true, 1, "y".repeat(300));
    assertEquals(304, reader.read(ByteBuffer.wrap(stream, 0, 100)));
    assertEquals(List.of(), seen);
  }

  @Test
  void refusesWhatAServerMustNotSend() {
    byte[] masked = frame(true, 1, "m");
    masked[1] |= (byte) 0x80;
    assertThrows(ProtocolException.class, () -> reader.read(ByteBuffer.wrap(masked)));
    assertThrows(ProtocolException.class, () -> reader.read(ByteBuffer.wrap(frame(true, 0, "orphan"))));
    assertThrows(ProtocolException.class, () -> reader.read(ByteBuffer.wrap(frame(false, 8, ""))));
    byte[] reserved = frame(true, 1, "r");
    reserved[0] |= 0x40;
    assertThrows(ProtocolException.class, () -> reader.read(ByteBuffer.wrap(reserved)));
  }

  @Test
  void maskedClientFramesUnmaskToThePayload() {
    byte[] payload = "x".repeat(200).getBytes(UTF_8);
    ByteBuffer f = WireFrames.masked(FrameReader.TEXT, payload);
    assertEquals(0x81, f.get() & 0xFF);
    assertEquals(0x80 | 126, f.get() & 0xFF);
    assertEquals(200, f.getShort());
    byte[] key = new byte[4];
    f.get(key);
    for (int i = 0; i < payload.length; i++) {
      assertEquals(payload[i], (byte) (f.get() ^ key[i & 3]));
    }
    assertEquals(0, f.remaining());
  }

  @Test
  void unmaskedServerFramesOfEveryLengthFormReadBack() throws Exception {
    String small = "s".repeat(125);
    String medium = "m".repeat(126); // the first 16-bit length
    String big = "b".repeat(70_000); // 64-bit length
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (String text : List.of(small, medium, big)) {
      ByteBuffer f = WireFrames.unmasked(FrameReader.TEXT, text.getBytes(UTF_8));
      byte[] bytes = new byte[f.remaining()];
      f.get(bytes);
      stream.write(bytes);
    }
    reader.read(ByteBuffer.wrap(stream.toByteArray()));
    assertEquals(List.of("1:" + small, "1:" + medium, "1:" + big), seen);
  }

  @Test
  void acceptValueOfTheRfcExample() {
    assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Handshake.accept("dGhlIHNhbXBsZSBub25jZQ=="));
  }

  /** An unmasked server frame. */
  static byte[] frame(boolean fin, int opcode, String text) {
    byte[] payload = text.getBytes(UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    int n = payload.length;
    if (n < 126) {
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(126);
      out.write(n >>> 8);
      out.write(n);
    } else {
      out.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) n >>> shift));
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
