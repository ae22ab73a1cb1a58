package io.vertebra.server;

import io.vertebra.channels.auth.Hmac;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The few Pusher client steps the {@link WarmUp} drives over plain blocking loopback sockets: the WebSocket upgrade,
 * reading a server frame, sending a masked text frame and a close, and a signed trigger through the HTTP API. Just
 * enough protocol to walk the server's code paths; no general-purpose client.
 */
final class WarmUpClient {

  private static final int TIMEOUT_MS = 5_000;

  private final int port;
  private final String appId;
  private final String key;
  private final String secret;

  WarmUpClient(int port, String appId, String key, String secret) {
    this.port = port;
    this.appId = appId;
    this.key = key;
    this.secret = secret;
  }

  /** One open Pusher connection: its socket and the stream its frames are read from. */
  static final class Link implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    private Link(Socket socket, DataInputStream in) {
      this.socket = socket;
      this.in = in;
    }

    /** The next text frame from the server (the server never masks, and sends nothing larger than 64 KiB here). */
    String read() throws IOException {
      int opcode = in.readUnsignedByte() & 0x0F;
      int length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        throw new IOException("unexpected 64-bit frame length");
      }
      byte[] payload = new byte[length];
      in.readFully(payload);
      if (opcode != 1) {
        throw new IOException("expected a text frame, got opcode " + opcode);
      }
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** Reads a frame and checks that it is the {@code event} expected. */
    void expect(String event) throws IOException {
      String frame = read();
      if (!frame.contains("\"" + event + "\"")) {
        throw new IOException("expected " + event + ", got " + frame);
      }
    }

    void send(String text) throws IOException {
      write(1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame (1000) and the socket closed: the server's orderly close path. */
    @Override
    public void close() throws IOException {
      try {
        write(8, new byte[] {0x03, (byte) 0xE8});
      } finally {
        socket.close();
      }
    }

    private void write(int opcode, byte[] payload) throws IOException {
      int n = payload.length;
      byte[] frame = new byte[(n < 126 ? 2 : 4) + 4 + n];
      int i = 0;
      frame[i++] = (byte) (0x80 | opcode);
      if (n < 126) {
        frame[i++] = (byte) (0x80 | n);
      } else {
        frame[i++] = (byte) (0x80 | 126);
        frame[i++] = (byte) (n >>> 8);
        frame[i++] = (byte) n;
      }
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      System.arraycopy(mask, 0, frame, i, 4);
      i += 4;
      for (int j = 0; j < n; j++) {
        frame[i + j] = (byte) (payload[j] ^ mask[j & 3]);
      }
      OutputStream out = socket.getOutputStream();
      out.write(frame);
      out.flush();
    }
  }

  /** Opens a connection, as pusher-js does, and reads its {@code pusher:connection_established}. */
  Link connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String request = "GET /app/" + key + "?protocol=7&client=js&version=8.6.0 HTTP/1.1\r\n"
          + "Host: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
          + "Sec-WebSocket-Version: 13\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      String status = head(in);
      if (!status.startsWith("HTTP/1.1 101")) {
        throw new IOException("upgrade refused: " + status.substring(0, status.indexOf("\r\n")));
      }
      Link link = new Link(socket, in);
      link.expect("pusher:connection_established");
      return link;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Opens a keep-alive connection to the HTTP API, as a back end's Pusher library holds one. */
  Api api() {
    return new Api();
  }

  /**
   * Signed triggers through the HTTP API over one kept-alive connection (reopened if the server closes it), so the
   * server runs the same request path as for pusher-http-java's pooled connections.
   */
  final class Api implements AutoCloseable {
    private Socket socket;
    private DataInputStream in;

    private Api() {}

    /** Publishes {@code data} as {@code event} on {@code channel}, signed as a back end signs it. */
    void trigger(String channel, String event, String data) throws IOException {
      // As pusher-http-java sends it: channels as an array, the data as a JSON string.
      String body = "{\"channels\":[\"" + channel + "\"],\"name\":\"" + event + "\",\"data\":\""
          + data.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String path = "/apps/" + appId + "/events";
      String timestamp = Long.toString(System.currentTimeMillis() / 1000);
      String md5 = Hmac.md5Hex(bytes);
      String signed = "auth_key=" + key + "&auth_timestamp=" + timestamp + "&auth_version=1.0&body_md5=" + md5;
      String signature = Hmac.sha256Hex(secret, "POST\n" + path + "\n" + signed);
      // The query in pusher-http-java's order, and its HTTP client's headers.
      String target = path + "?body_md5=" + md5 + "&auth_signature=" + signature + "&auth_timestamp=" + timestamp
          + "&auth_key=" + key + "&auth_version=1.0";
      if (socket == null) {
        open();
      }
      String head = "POST " + target + " HTTP/1.1\r\nContent-Length: " + bytes.length + "\r\nContent-Type: "
          + "application/json\r\nHost: 127.0.0.1:" + port + "\r\nConnection: Keep-Alive\r\nUser-Agent: "
          + "Apache-HttpClient/4.5.13 (Java/17)\r\nAccept-Encoding: gzip,deflate\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      String response = head(in);
      skipBody(in, response);
      if (!response.startsWith("HTTP/1.1 200")) {
        throw new IOException("trigger refused: " + response.substring(0, response.indexOf("\r\n")));
      }
      if (response.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close")) {
        close();
      }
    }

    private void open() throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
      in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    @Override
    public void close() throws IOException {
      if (socket != null) {
        socket.close();
        socket = null;
      }
    }
  }

  /** Reads past the body of a response with {@code head}: by its Content-Length, or chunk by chunk. */
  private static void skipBody(DataInputStream in, String head) throws IOException {
    String length = header(head, "Content-Length");
    if (length != null) {
      in.readFully(new byte[Integer.parseInt(length)]);
    } else if ("chunked".equalsIgnoreCase(header(head, "Transfer-Encoding"))) {
      for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
        in.readFully(new byte[size + 2]); // the chunk and its CRLF
      }
      while (!line(in).isEmpty()) {
        // trailers
      }
    } else {
      throw new IOException("a response without a length: " + head);
    }
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("connection closed in a chunked body");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  /** Reads a response head up to its blank line (what follows stays in {@code in}); returns the head. */
  private static String head(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the response head: " + head);
      }
      head.append((char) b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString();
  }
}
