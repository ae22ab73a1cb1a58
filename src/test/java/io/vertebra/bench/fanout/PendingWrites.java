package io.vertebra.bench.fanout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * What a non-blocking socket has not taken yet, written in order: a buffer is written at once when nothing waits,
 * else queued behind what does. The owner asks for write readiness while {@link #write} says bytes wait, and calls
 * {@link #flush} when the socket is writable. Not thread-safe.
 */
final class PendingWrites {

  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(2);

  /** Writes {@code b} now or queues it; true when bytes now wait for the socket (the owner wants OP_WRITE). */
  boolean write(SocketChannel socket, ByteBuffer b) throws IOException {
    if (queue.isEmpty()) {
      socket.write(b);
      if (!b.hasRemaining()) {
        return false;
      }
    }
    queue.add(b);
    return true;
  }

  /** Writes what the socket takes now; true when nothing waits any more (the owner drops OP_WRITE). */
  boolean flush(SocketChannel socket) throws IOException {
    while (!queue.isEmpty()) {
      ByteBuffer b = queue.peek();
      socket.write(b);
      if (b.hasRemaining()) {
        return false;
      }
      queue.poll();
    }
    return true;
  }
}
