package io.vertebra.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Writes a full socket cannot take wait, and go out whole and in order once it can. */
class PendingWritesTest {

  private static final int SIZE = 4 << 20; // far more than loopback's socket buffers hold

  @Test
  void whatTheSocketCannotTakeWaitsAndFollowsInOrder() throws Exception {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress("127.0.0.1", 0));
      try (SocketChannel writer = SocketChannel.open(listener.getLocalAddress());
          SocketChannel reader = listener.accept()) {
        writer.configureBlocking(false);
        PendingWrites pending = new PendingWrites();
        byte[] expected = new byte[3 * SIZE];
        ByteBuffer[] parts = new ByteBuffer[3];
        for (int p = 0; p < 3; p++) {
          byte[] part = new byte[SIZE];
          java.util.Arrays.fill(part, (byte) ('a' + p));
          System.arraycopy(part, 0, expected, p * SIZE, SIZE);
          parts[p] = ByteBuffer.wrap(part);
        }

        assertTrue(pending.write(writer, parts[0]), "nobody reads yet: the first part cannot all go");
        assertTrue(pending.write(writer, parts[1]));
        assertTrue(pending.write(writer, parts[2]));
        assertFalse(pending.flush(writer), "still nobody reads");

        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readAll(reader, expected.length));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pending.flush(writer)) {
          assertTrue(System.nanoTime() < deadline, "the reader took nothing for 30 s");
          Thread.sleep(1);
        }
        assertArrayEquals(expected, received.get(30, TimeUnit.SECONDS));
        assertFalse(pending.write(writer, ByteBuffer.wrap(new byte[] {1})), "nothing waits: written at once");
      }
    }
  }

  private static byte[] readAll(SocketChannel channel, int length) {
    try {
      InputStream in = channel.socket().getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      byte[] chunk = new byte[64 * 1024];
      while (out.size() < length) {
        int n = in.read(chunk, 0, Math.min(chunk.length, length - out.size()));
        if (n < 0) {
          break;
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
