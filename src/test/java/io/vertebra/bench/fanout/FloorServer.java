package io.vertebra.bench.fanout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The machine's floor for a broadcast, below any framework: plain NIO, one selector thread, and per delivery one
 * non-blocking write of a frame encoded once. WebSocket clients connect to any path; {@code POST /broadcast} sends
 * the body as one text frame to every open connection, split over {@code THREADS} writer threads, and answers 200
 * when every socket has taken its frame. No protocol, no masking checks, no limits: a measuring instrument for the
 * fan-out benchmark, not a server. Usage: {@code FloorServer PORT THREADS}; prints "ready on PORT".
 */
public final class FloorServer {

  private static final String UPGRADED = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
      + "Connection: Upgrade\r\nSec-WebSocket-Accept: ";
  private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  private final List<Conn> open = new CopyOnWriteArrayList<>();
  private final ExecutorService writers;
  private final int threads;
  private final Selector selector;

  private FloorServer(int threads) throws IOException {
    this.threads = threads;
    this.writers = Executors.newFixedThreadPool(threads);
    this.selector = Selector.open();
  }

  public static void main(String[] args) throws Exception {
    FloorServer server = new FloorServer(Integer.parseInt(args[1]));
    ServerSocketChannel listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
    listener.configureBlocking(false);
    listener.register(server.selector, SelectionKey.OP_ACCEPT);
    System.out.println("ready on " + listener.socket().getLocalPort());
    server.loop(listener);
  }

  private void loop(ServerSocketChannel listener) throws IOException {
    while (true) {
      selector.select();
      for (SelectionKey key : selector.selectedKeys()) {
        try {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            for (SocketChannel s; (s = listener.accept()) != null; ) {
              s.configureBlocking(false);
              s.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
              Conn c = new Conn(s);
              c.key = s.register(selector, SelectionKey.OP_READ, c);
            }
            continue;
          }
          Conn c = (Conn) key.attachment();
          if (key.isWritable()) {
            c.flush();
          }
          if (key.isReadable()) {
            c.read();
          }
        } catch (IOException | RuntimeException e) {
          if (key.attachment() instanceof Conn c) {
            c.shut(); // a broken or malformed connection ends; the loop goes on
          }
        }
      }
      selector.selectedKeys().clear();
    }
  }

  // Writes one frame to every open connection, each writer thread taking its own slice.
  private void broadcast(byte[] body) throws InterruptedException {
    ByteBuffer frame = WireFrames.unmasked(FrameReader.TEXT, body);
    Object[] targets = open.toArray();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int from = targets.length * t / threads;
      int to = targets.length * (t + 1) / threads;
      writers.execute(() -> {
        for (int i = from; i < to; i++) {
          ((Conn) targets[i]).send(frame.duplicate());
        }
        done.countDown();
      });
    }
    done.await();
  }

  /** One client connection: an HTTP head first, then either WebSocket frames or an HTTP request body. */
  private final class Conn {
    private final SocketChannel socket;
    private final PendingWrites pending = new PendingWrites();
    private ByteBuffer in = ByteBuffer.allocate(4096);
    private SelectionKey key;
    private boolean websocket;
    private int bodyLength = -1;

    Conn(SocketChannel socket) {
      this.socket = socket;
    }

    void read() throws IOException {
      if (socket.read(in) < 0) {
        shut();
        return;
      }
      in.flip();
      while (websocket ? frame() : http()) {
        // each pass consumed one complete frame or request
      }
      in.compact();
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
    }

    // One complete client frame: only a close matters (answered, then the connection ends).
    private boolean frame() throws IOException {
      if (in.remaining() < 2) {
        return false;
      }
      int p = in.position();
      int opcode = in.get(p) & 0x0F;
      int len = in.get(p + 1) & 0x7F;
      int head = 2 + (len == 126 ? 2 : len == 127 ? 8 : 0) + 4;
      if (in.remaining() < head) {
        return false;
      }
      long length = len == 126 ? in.getShort(p + 2) & 0xFFFF : len == 127 ? in.getLong(p + 2) : len;
      if (in.remaining() < head + length) {
        return false;
      }
      in.position((int) (p + head + length));
      if (opcode == 0x8) {
        send(WireFrames.unmasked(FrameReader.CLOSE, new byte[] {0x03, (byte) 0xE8}));
        shut();
        return false;
      }
      return true;
    }

    private boolean http() throws IOException {
      if (bodyLength >= 0) {
        if (in.remaining() < bodyLength) {
          return false;
        }
        byte[] body = new byte[bodyLength];
        in.get(body);
        bodyLength = -1;
        try {
          broadcast(body);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        send(ByteBuffer.wrap(OK));
        return true;
      }
      int end = headEnd();
      if (end < 0) {
        return false;
      }
      byte[] raw = new byte[end - in.position()];
      in.get(raw);
      String head = new String(raw, StandardCharsets.ISO_8859_1);
      if (head.startsWith("GET ")) {
        String key = Handshake.header(head, "sec-websocket-key");
        send(ByteBuffer.wrap((UPGRADED + Handshake.accept(key) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII)));
        websocket = true;
        open.add(this);
        return true;
      }
      String length = Handshake.header(head, "content-length");
      bodyLength = length == null ? 0 : Integer.parseInt(length);
      return true;
    }

    // Index just past the head's blank line, or -1 while it is incomplete.
    private int headEnd() {
      for (int i = in.position(); i + 4 <= in.limit(); i++) {
        if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
          return i + 4;
        }
      }
      return -1;
    }

    // From any thread: writes now, or queues behind what the socket has not taken yet.
    synchronized void send(ByteBuffer b) {
      try {
        if (pending.write(socket, b)) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          selector.wakeup();
        }
      } catch (IOException e) {
        shut();
      }
    }

    synchronized void flush() throws IOException {
      if (pending.flush(socket)) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void shut() {
      open.remove(this);
      key.cancel();
      try {
        socket.close();
      } catch (IOException e) {
        // gone already
      }
    }
  }
}
