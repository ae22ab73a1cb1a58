package io.vertebra.reliability;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that never reads: a raw TCP socket that does the upgrade handshake, subscribes, and then
 * leaves everything the server sends in the kernel's buffers, the way a frozen browser tab or a dead NAT would.
 * {@link #readCloseCode} reads it all afterwards to find the close frame the server ended with.
 */
final class StalledSocket implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;

  StalledSocket(int port, String key, String channel) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(4096); // before connecting, so the TCP window stays small: the stall shows soon
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(30_000); // a close that never comes fails the test instead of hanging it
    String nonce = Base64.getEncoder().encodeToString(new byte[16]);
    OutputStream out = socket.getOutputStream();
    out.write(("GET /app/" + key + "?protocol=7 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + nonce + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    in = new DataInputStream(socket.getInputStream());
    String headers = readHeaders();
    if (!headers.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + headers);
    }
    sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
  }

  private String readHeaders() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.readUnsignedByte());
    }
    return head.toString();
  }

  /** A masked text frame, as clients must send. */
  private void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(0x81);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.write(new byte[4]); // a zero mask leaves the payload as is
    out.write(payload);
    out.flush();
  }

  /** Reads frames until the close frame and returns its code; -1 when the connection ends without one. */
  int readCloseCode() throws IOException {
    try {
      while (true) {
        int opcode = in.readUnsignedByte() & 0x0f;
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (opcode == 0x8) {
          return length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
      }
    } catch (java.io.EOFException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
