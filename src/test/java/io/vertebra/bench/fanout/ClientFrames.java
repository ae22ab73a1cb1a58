package io.vertebra.bench.fanout;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the frames a WebSocket client sends: final, masked with a fresh random key (RFC 6455 section 5.3). */
final class ClientFrames {

  private ClientFrames() {}

  /** One masked frame carrying {@code payload} (at most 65,535 bytes: the driver only sends short messages). */
  static ByteBuffer masked(int opcode, byte[] payload) {
    int n = payload.length;
    if (n > 0xFFFF) {
      throw new IllegalArgumentException("payload of " + n + " bytes");
    }
    int header = n < 126 ? 2 : 4;
    ByteBuffer frame = ByteBuffer.allocate(header + 4 + n);
    frame.put((byte) (0x80 | opcode));
    if (n < 126) {
      frame.put((byte) (0x80 | n));
    } else {
      frame.put((byte) (0x80 | 126)).putShort((short) n);
    }
    int key = ThreadLocalRandom.current().nextInt();
    frame.putInt(key);
    for (int i = 0; i < n; i++) {
      frame.put((byte) (payload[i] ^ (key >>> (8 * (3 - (i & 3))))));
    }
    return frame.flip();
  }
}
