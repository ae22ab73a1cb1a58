package io.vertebra.channels.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of a {@link RedisServer}, so a test can cut one node off Redis while the others
 * keep it (a network partition): {@link #cut()} drops every relayed connection and refuses new ones until
 * {@link #restore()}. Nodes pointed at {@link #url()} see exactly what a lost network looks like to them.
 */
final class TcpRelay implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  private TcpRelay(int targetPort, int port) {
    this.targetPort = targetPort;
    this.port = port;
  }

  /** A relay to {@code redis} on a free loopback port; {@code open} says whether it relays from the start. */
  static TcpRelay to(RedisServer redis, boolean open) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    TcpRelay relay = new TcpRelay(redis.port(), port);
    if (open) {
      relay.restore();
    }
    return relay;
  }

  /** The Redis URL that goes through this relay. */
  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Starts relaying (again) on the same port. */
  synchronized void restore() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = server;
    Thread accept = new Thread(() -> accept(server), "tcp-relay-" + port);
    accept.setDaemon(true);
    accept.start();
  }

  /** Drops every relayed connection and stops accepting: the nodes behind it lose Redis. */
  synchronized void cut() throws IOException {
    ServerSocket server = listener;
    listener = null;
    if (server != null) {
      server.close();
    }
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return; // closed by cut()
      }
    }
  }

  private void pump(Socket from, Socket to) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // one side went away
      }
      closeQuietly(from);
      closeQuietly(to);
    }, "tcp-relay-pump-" + port);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
