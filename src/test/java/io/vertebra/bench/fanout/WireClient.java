package io.vertebra.bench.fanout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One load-driver connection over a raw socket, driven by one {@link SelectorLoop} thread: the WebSocket handshake,
 * frame reading ({@link FrameReader}), masked client frames, the closing handshake, and — when given a channel — the
 * Pusher protocol: wait for {@code pusher:connection_established}, send {@code pusher:subscribe}, wait for
 * {@code pusher_internal:subscription_succeeded}, answer {@code pusher:ping}. Event frames are recorded
 * ({@link Events#record}) straight from the read buffer, timed when the read that completed them returned.
 */
final class WireClient implements FrameReader.Listener {

  /** What the driver learns from a client. */
  interface Events {
    /** The client can receive events. */
    void ready(WireClient client);

    /** The client failed or was closed before being ready, or its connection broke. */
    void failed(WireClient client, Throwable cause, boolean wasReady);

    /** The connection is closed (after {@link #ready} or {@link #failed}, or after our own close). */
    void closed(WireClient client);

    /** Records a received message read at {@code nowNanos} if it is a timed event; returns whether it was. */
    boolean record(byte[] bytes, int offset, int length, long nowNanos);
  }

  private enum State { HANDSHAKE, OPEN, CLOSING, CLOSED }

  private static final int BUFFER = 4096;
  private static final byte[] PONG = "{\"event\":\"pusher:pong\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

  private final String channel;
  private final Events events;
  private final Handshake handshake;
  private final FrameReader reader = new FrameReader(this);
  private final PendingWrites pending = new PendingWrites();
  private ByteBuffer in = ByteBuffer.allocate(BUFFER);
  private SocketChannel socket;
  private SelectionKey key;
  private State state = State.HANDSHAKE;
  private boolean ready;
  private long readNanos;

  /** {@code channel} null for the bare baseline: ready as soon as the handshake is done. */
  WireClient(URI uri, String channel, Events events) {
    this.channel = channel;
    this.events = events;
    this.handshake = new Handshake(uri);
  }

  /**
   * On the loop thread: starts connecting a non-blocking socket to {@code address}. Non-blocking, so a SYN the
   * server's full accept queue dropped (retried by the kernel after a second) does not hold up the other clients.
   */
  void start(SocketChannel unconnected, Selector selector, InetSocketAddress address) throws IOException {
    socket = unconnected;
    if (socket.connect(address)) {
      key = socket.register(selector, SelectionKey.OP_READ, this);
      write(handshake.request());
    } else {
      key = socket.register(selector, SelectionKey.OP_CONNECT, this);
    }
  }

  /** On the loop thread: the TCP connection is up (or failed); sends the upgrade request. */
  void connectable() throws IOException {
    socket.finishConnect();
    key.interestOps(SelectionKey.OP_READ);
    write(handshake.request());
  }

  /** On the loop thread: one read, then whatever it completed. */
  void readable() throws IOException {
    int n = socket.read(in);
    if (n < 0) {
      if (state == State.CLOSING) {
        shut();
      } else {
        fail(new ProtocolException("connection ended without a close frame"));
      }
      return;
    }
    readNanos = System.nanoTime();
    in.flip();
    try {
      if (state == State.HANDSHAKE) {
        if (!handshake.consume(in)) {
          return;
        }
        state = State.OPEN;
        if (channel == null) {
          becomeReady();
        }
      }
      int need = state == State.CLOSED ? 0 : reader.read(in);
      if (need > in.capacity()) {
        in = ByteBuffer.allocate(need).put(in).flip();
      }
    } finally {
      in.compact();
    }
  }

  /** On the loop thread: the socket can take more of what is pending. */
  void writable() throws IOException {
    if (pending.flush(socket)) {
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  /** On the loop thread: starts the closing handshake (1000); the server's close frame ends it. */
  void close() throws IOException {
    if (state == State.OPEN) {
      state = State.CLOSING;
      write(WireFrames.masked(FrameReader.CLOSE, new byte[] {0x03, (byte) 0xE8}));
    } else if (state == State.HANDSHAKE) {
      shut();
    }
  }

  /** On the loop thread: ends the connection after an error. */
  void fail(Throwable cause) {
    if (state != State.CLOSED) {
      events.failed(this, cause, ready);
      shut();
    }
  }

  boolean isClosed() {
    return state == State.CLOSED;
  }

  @Override
  public void message(int opcode, byte[] bytes, int offset, int length) throws IOException {
    if (state == State.CLOSED || opcode != FrameReader.TEXT || events.record(bytes, offset, length, readNanos)
        || channel == null) {
      return;
    }
    String message = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (message.contains("\"pusher:connection_established\"")) {
      sendText(("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}")
          .getBytes(StandardCharsets.UTF_8));
    } else if (message.contains("\"pusher_internal:subscription_succeeded\"")) {
      becomeReady();
    } else if (message.contains("\"pusher:ping\"")) {
      sendText(PONG);
    } else if (message.contains("\"pusher:error\"")) {
      fail(new IllegalStateException("server error: " + message));
    }
  }

  @Override
  public void control(int opcode, byte[] bytes, int offset, int length) throws IOException {
    switch (opcode) {
      case FrameReader.PING -> write(WireFrames.masked(FrameReader.PONG, copy(bytes, offset, length)));
      case FrameReader.CLOSE -> closeFrame(copy(bytes, offset, length));
      default -> { } // an unsolicited pong needs no answer
    }
  }

  private void closeFrame(byte[] payload) throws IOException {
    if (state == State.CLOSING) {
      shut(); // the server's answer to our close
      return;
    }
    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    write(WireFrames.masked(FrameReader.CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]}
        : new byte[0]));
    fail(new ProtocolException("closed by the server: " + code + " " + reason));
  }

  private void becomeReady() {
    ready = true;
    events.ready(this);
  }

  private void sendText(byte[] payload) throws IOException {
    write(WireFrames.masked(FrameReader.TEXT, payload));
  }

  private void write(ByteBuffer frame) throws IOException {
    if (state == State.CLOSED) {
      return; // failed earlier in the same read
    }
    if (pending.write(socket, frame)) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }
  }

  private void shut() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    if (key != null) {
      key.cancel();
    }
    try {
      socket.close();
    } catch (IOException e) {
      // already gone: nothing to release
    }
    events.closed(this);
  }

  private static byte[] copy(byte[] bytes, int offset, int length) {
    byte[] c = new byte[length];
    System.arraycopy(bytes, offset, c, 0, length);
    return c;
  }
}
