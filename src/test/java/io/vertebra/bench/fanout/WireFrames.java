package io.vertebra.bench.fanout;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds final WebSocket frames for the benchmark's two sides: a client's, masked with a fresh random key (RFC 6455
 * section 5.3), and a server's, unmasked and off-heap so that many sockets write the same bytes without a copy.
 */
final class WireFrames {

  private static final int MASKED = 0x80;

  private WireFrames() {}

  /** One masked client frame carrying {@code payload} (at most 65,535 bytes: the driver only sends short messages). */
  static ByteBuffer masked(int opcode, byte[] payload) {
    int n = payload.length;
    if (n > 0xFFFF) {
      throw new IllegalArgumentException("payload of " + n + " bytes");
    }
    ByteBuffer frame = ByteBuffer.allocate(headerLength(n) + 4 + n);
    putHeader(frame, opcode, n, MASKED);
    int key = ThreadLocalRandom.current().nextInt();
    frame.putInt(key);
    for (int i = 0; i < n; i++) {
      frame.put((byte) (payload[i] ^ (key >>> (8 * (3 - (i & 3))))));
    }
    return frame.flip();
  }

  /** One unmasked server frame carrying {@code payload}, in a direct buffer. */
  static ByteBuffer unmasked(int opcode, byte[] payload) {
    int n = payload.length;
    ByteBuffer frame = ByteBuffer.allocateDirect(headerLength(n) + n);
    putHeader(frame, opcode, n, 0);
    return frame.put(payload).flip();
  }

  private static int headerLength(int n) {
    return n < 126 ? 2 : n < 65536 ? 4 : 10;
  }

  private static void putHeader(ByteBuffer frame, int opcode, int n, int mask) {
    frame.put((byte) (0x80 | opcode));
    if (n < 126) {
      frame.put((byte) (mask | n));
    } else if (n < 65536) {
      frame.put((byte) (mask | 126)).putShort((short) n);
    } else {
      frame.put((byte) (mask | 127)).putLong(n);
    }
  }
}
