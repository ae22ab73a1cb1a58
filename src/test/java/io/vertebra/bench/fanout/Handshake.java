package io.vertebra.bench.fanout;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of the WebSocket opening handshake (RFC 6455 section 4.1): the upgrade request with a random
 * {@code Sec-WebSocket-Key}, and the check of the server's answer (101, {@code Upgrade: websocket},
 * {@code Connection: Upgrade}, and {@code Sec-WebSocket-Accept} derived from the key).
 */
final class Handshake {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final byte[] END = {'\r', '\n', '\r', '\n'};

  private final String expectedAccept;
  private final byte[] request;

  Handshake(URI uri) {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    expectedAccept = accept(key);
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    request = ("GET " + target + " HTTP/1.1\r\n"
        + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The request to write. */
  ByteBuffer request() {
    return ByteBuffer.wrap(request);
  }

  /**
   * Looks for the end of the response head in {@code in} (read mode). When found, checks it, consumes it and returns
   * true (frame bytes that came in the same read stay in {@code in}); false while the head is incomplete.
   *
   * @throws ProtocolException when the server did not accept the upgrade as RFC 6455 requires
   */
  boolean consume(ByteBuffer in) throws ProtocolException {
    byte[] a = in.array();
    int from = in.arrayOffset() + in.position();
    int to = in.arrayOffset() + in.limit();
    for (int i = from; i + 4 <= to; i++) {
      if (a[i] == END[0] && a[i + 1] == END[1] && a[i + 2] == END[2] && a[i + 3] == END[3]) {
        check(new String(a, from, i - from, StandardCharsets.ISO_8859_1));
        in.position(in.position() + (i + 4 - from));
        return true;
      }
    }
    if (in.remaining() == in.capacity()) {
      throw new ProtocolException("no end of the handshake response in " + in.capacity() + " bytes");
    }
    return false;
  }

  private void check(String head) throws ProtocolException {
    String[] lines = head.split("\r\n");
    if (!lines[0].startsWith("HTTP/1.1 101")) {
      throw new ProtocolException("upgrade refused: " + lines[0]);
    }
    String upgrade = header(head, "upgrade");
    String connection = header(head, "connection");
    String accept = header(head, "sec-websocket-accept");
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      throw new ProtocolException("Upgrade header is " + upgrade);
    }
    if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
      throw new ProtocolException("Connection header is " + connection);
    }
    if (!expectedAccept.equals(accept)) {
      throw new ProtocolException("Sec-WebSocket-Accept is " + accept + ", expected " + expectedAccept);
    }
  }

  /** The value of the header {@code name} (lower case) in an HTTP message head, or null; the first line is skipped. */
  static String header(String head, String name) {
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return lines[i].substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The accept value a server must answer to {@code key}. */
  static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
