package io.vertebra.bench.fanout;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads the WebSocket frames a server sends (RFC 6455: unmasked, no extensions) out of a byte stream that arrives in
 * arbitrary pieces. A whole unfragmented message is handed over in place, straight from the read buffer; fragmented
 * messages (text or binary followed by continuation frames) are joined first. Control frames may arrive between
 * fragments, as the RFC allows.
 */
final class FrameReader {

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** Receives what the reader finds. */
  interface Listener {
    /** A whole data message; the bytes are valid only during the call. */
    void message(int opcode, byte[] bytes, int offset, int length) throws IOException;

    /** A close, ping or pong frame; the bytes are valid only during the call. */
    void control(int opcode, byte[] bytes, int offset, int length) throws IOException;
  }

  private final Listener listener;
  private byte[] fragments = new byte[0];
  private int fragmentsLength;
  private int fragmentedOpcode = -1;

  FrameReader(Listener listener) {
    this.listener = listener;
  }

  /**
   * Consumes every complete frame in {@code in} (a heap buffer in read mode) and leaves it in read mode at the first
   * incomplete one. Returns how many bytes the next incomplete frame needs in total (header and payload), or 0 when
   * nothing is left: the caller grows its buffer when that exceeds the capacity.
   */
  int read(ByteBuffer in) throws IOException {
    byte[] a = in.array();
    while (in.remaining() >= 2) {
      int p = in.arrayOffset() + in.position();
      int b0 = a[p] & 0xFF;
      int b1 = a[p + 1] & 0xFF;
      if ((b0 & 0x70) != 0) {
        throw new ProtocolException("reserved bits set without a negotiated extension: " + Integer.toHexString(b0));
      }
      if ((b1 & 0x80) != 0) {
        throw new ProtocolException("masked frame from the server");
      }
      int header = 2;
      long length = b1 & 0x7F;
      if (length == 126) {
        header = 4;
      } else if (length == 127) {
        header = 10;
      }
      if (in.remaining() < header) {
        return header;
      }
      if (header == 4) {
        length = ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
      } else if (header == 10) {
        length = 0;
        for (int i = 2; i < 10; i++) {
          length = (length << 8) | (a[p + i] & 0xFF);
        }
      }
      if (length > Integer.MAX_VALUE - header) {
        throw new ProtocolException("frame of " + length + " bytes");
      }
      int total = header + (int) length;
      if (in.remaining() < total) {
        return total;
      }
      frame((b0 & 0x80) != 0, b0 & 0x0F, a, p + header, (int) length);
      in.position(in.position() + total);
    }
    return 0;
  }

  private void frame(boolean fin, int opcode, byte[] a, int offset, int length) throws IOException {
    switch (opcode) {
      case TEXT, BINARY -> {
        if (fragmentedOpcode >= 0) {
          throw new ProtocolException("new data frame inside a fragmented message");
        }
        if (fin) {
          listener.message(opcode, a, offset, length);
        } else {
          fragmentedOpcode = opcode;
          append(a, offset, length);
        }
      }
      case CONTINUATION -> {
        if (fragmentedOpcode < 0) {
          throw new ProtocolException("continuation frame without a message to continue");
        }
        append(a, offset, length);
        if (fin) {
          int op = fragmentedOpcode;
          fragmentedOpcode = -1;
          int n = fragmentsLength;
          fragmentsLength = 0;
          listener.message(op, fragments, 0, n);
        }
      }
      case CLOSE, PING, PONG -> {
        if (!fin || length > 125) {
          throw new ProtocolException("fragmented or oversized control frame");
        }
        listener.control(opcode, a, offset, length);
      }
      default -> throw new ProtocolException("unknown opcode " + opcode);
    }
  }

  private void append(byte[] a, int offset, int length) {
    if (fragmentsLength + length > fragments.length) {
      fragments = Arrays.copyOf(fragments, Math.max(fragmentsLength + length, 2 * fragments.length));
    }
    System.arraycopy(a, offset, fragments, fragmentsLength, length);
    fragmentsLength += length;
  }
}
