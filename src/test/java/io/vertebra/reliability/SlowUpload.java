package io.vertebra.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A create request whose body arrives slowly over a raw socket (half at once, then a byte every 100 ms), so it is
 * provably in flight (headers read, the servlet reading the body) at a moment of the test's choosing.
 */
final class SlowUpload implements AutoCloseable {

  private final Socket socket;
  private final byte[] rest;
  private final Thread trickle;
  private volatile boolean finishing;
  private int sent;

  /** Sends the headers and the first half of {@code json} to {@code POST /api/posts} as the user of {@code cookie}. */
  SlowUpload(int port, String cookie, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    String head = "POST /api/posts HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    int half = body.length / 2;
    out.write(body, 0, half);
    out.flush();
    rest = java.util.Arrays.copyOfRange(body, half, body.length);
    trickle = new Thread(this::trickle, "slow-upload");
    trickle.setDaemon(true);
    trickle.start();
  }

  /** One byte of the body every 100 ms, as a slow but live client sends it, until {@link #sendRest}. */
  private void trickle() {
    try {
      while (!finishing && sent < rest.length - 1) {
        socket.getOutputStream().write(rest[sent++]);
        socket.getOutputStream().flush();
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException e) {
      // finish() reports what the server did
    }
  }

  /** Stops the trickle and sends the rest of the body at once. */
  void sendRest() throws IOException, InterruptedException {
    finishing = true;
    trickle.join();
    socket.getOutputStream().write(rest, sent, rest.length - sent);
    socket.getOutputStream().flush();
  }

  /** Reads the whole answer (status line, headers, body) until the server closes. */
  String answer() throws IOException {
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
