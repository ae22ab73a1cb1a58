package io.vertebra.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow-body attack of issue 21: many connections, each sending request headers that announce a body, then one
 * body byte per connection every {@code intervalMillis}. Needs no credentials. One thread drives every socket, so
 * the attacker's cost is a socket each and a few bytes per second in total. Counts how many connections the server
 * has closed (a write fails) so a test can see the server shed them.
 */
public final class SlowBodies implements AutoCloseable {

  private final List<Socket> sockets = new ArrayList<>();
  private final Thread trickle;
  private final long intervalMillis;
  private volatile boolean stopped;
  private volatile long bytesSent;
  private volatile int closedByServer;

  /** Opens {@code connections} sockets to {@code path} on {@code port}, each announcing a 1,000-byte JSON body. */
  SlowBodies(int port, String path, int connections, long intervalMillis) throws IOException {
    this(port, path, connections, intervalMillis, 1);
  }

  /**
   * The same from {@code sources} loopback addresses (127.0.0.2, .3, ...; Linux routes all of 127/8 to the
   * loopback interface), as an attacker with several addresses would, so a per-address limit alone cannot stop it.
   */
  public SlowBodies(int port, String path, int connections, long intervalMillis, int sources) throws IOException {
    this.intervalMillis = intervalMillis;
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{";
    for (int i = 0; i < connections; i++) {
      Socket socket = sources <= 1 ? new Socket("127.0.0.1", port)
          : new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName("127.0.0." + (2 + i % sources)),
              0);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      sockets.add(socket);
    }
    trickle = new Thread(this::trickle, "slow-bodies");
    trickle.setDaemon(true);
    trickle.start();
  }

  private void trickle() {
    boolean[] closed = new boolean[sockets.size()];
    while (!stopped) {
      int closedNow = 0;
      for (int i = 0; i < sockets.size(); i++) {
        if (!closed[i]) {
          try {
            OutputStream out = sockets.get(i).getOutputStream();
            out.write(' ');
            out.flush();
            bytesSent++;
          } catch (IOException e) {
            closed[i] = true;
          }
        }
        closedNow += closed[i] ? 1 : 0;
      }
      closedByServer = closedNow;
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The attack's total rate while every connection is open, in bytes per second. */
  public double bytesPerSecond() {
    return sockets.size() * 1000.0 / intervalMillis;
  }

  long bytesSent() {
    return bytesSent;
  }

  /** Connections the server closed so far (seen when a write to it fails). */
  public int closedByServer() {
    return closedByServer;
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    trickle.interrupt();
    trickle.join(5000);
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
