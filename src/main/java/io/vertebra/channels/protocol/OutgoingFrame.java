package io.vertebra.channels.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;

/**
 * A server frame ready to send: its JSON text and that text's UTF-8 bytes, encoded once. A broadcast hands the same
 * instance to every subscriber, so a delivery costs the write, not another encoding of the same text.
 */
public final class OutgoingFrame {

  private final String text;
  private final ByteBuffer utf8;

  private OutgoingFrame(String text, ByteBuffer utf8) {
    this.text = text;
    this.utf8 = utf8.asReadOnlyBuffer();
  }

  /** A frame for one connection (heap bytes). */
  public static OutgoingFrame of(String text) {
    return new OutgoingFrame(text, ByteBuffer.wrap(text.getBytes(UTF_8)));
  }

  /**
   * A frame for many connections: the bytes live off-heap, so every socket write takes them as they are instead of
   * first copying them into a temporary direct buffer, as the JDK does for heap buffers.
   */
  public static OutgoingFrame shared(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    return new OutgoingFrame(text, ByteBuffer.allocateDirect(bytes.length).put(bytes).flip());
  }

  /** The JSON text. */
  public String text() {
    return text;
  }

  /** Length of the UTF-8 encoding in bytes. */
  public int size() {
    return utf8.capacity();
  }

  /** A new read-only view of the UTF-8 bytes from the start: each send consumes its own view. */
  public ByteBuffer bytes() {
    return utf8.duplicate();
  }

  @Override
  public String toString() {
    return text;
  }
}
