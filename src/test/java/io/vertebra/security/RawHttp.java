package io.vertebra.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for requests no well-behaved client would send: any method, raw path bytes (invalid
 * UTF-8, encoded traversal), duplicate or odd headers, bodies that lie about their type. One connection per request
 * ({@code Connection: close}) so a broken request cannot poison the next one.
 */
final class RawHttp {

  /** A request: method, raw target (path and query, sent byte for byte), headers in order, body. */
  record Request(String method, byte[] target, List<String[]> headers, byte[] body) {

    static Request of(String method, String target, byte[] body, String... headers) {
      List<String[]> list = new ArrayList<>();
      for (int i = 0; i < headers.length; i += 2) {
        list.add(new String[] {headers[i], headers[i + 1]});
      }
      return new Request(method, target.getBytes(StandardCharsets.ISO_8859_1), list, body);
    }

    /** What the request was, printable for a failure message (bytes above 0x7e as {@code \xNN}). */
    String describe() {
      StringBuilder out = new StringBuilder(method).append(' ').append(printable(target, 300));
      for (String[] h : headers) {
        out.append("\n  ").append(h[0]).append(": ").append(printable(h[1].getBytes(StandardCharsets.UTF_8), 200));
      }
      if (body != null) {
        out.append("\n  body (").append(body.length).append(" bytes): ").append(printable(body, 300));
      }
      return out.toString();
    }
  }

  /** A response: status, headers (lower-case names, last value wins) and the body as text. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  Response send(Request request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes(request.method().getBytes(StandardCharsets.ISO_8859_1));
      head.write(' ');
      head.writeBytes(request.target());
      head.writeBytes((" HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      for (String[] h : request.headers()) {
        head.writeBytes((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      if (request.body() != null) {
        head.writeBytes(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      out.write(head.toByteArray());
      try {
        if (request.body() != null) {
          out.write(request.body());
        }
        out.flush();
      } catch (IOException e) {
        // The server may answer (413, 400) and close before reading a large body: read what it said.
      }
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + request.describe(), e);
    }
  }

  /**
   * Writes {@code bytes} as they are (e.g. headers announcing more body than follows) and keeps the connection
   * open, reading the answer until the server closes it.
   */
  Response exchange(String bytes) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + printable(bytes.getBytes(StandardCharsets.ISO_8859_1), 300),
          e);
    }
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP response: " + printable(raw, 300));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    try {
      while (true) {
        StringBuilder size = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
          if (c != '\r') {
            size.append((char) c);
          }
        }
        int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
        if (n == 0) {
          return out.toByteArray();
        }
        out.write(in.readNBytes(n));
        in.skip(2);
      }
    } catch (IOException | NumberFormatException e) {
      throw new AssertionError("bad chunked body", e);
    }
  }

  /** Bytes as text with anything non-printable escaped, cut at {@code max}. */
  static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes.length && i < max; i++) {
      int b = bytes[i] & 0xff;
      out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
    }
    return bytes.length > max ? out + "...(" + bytes.length + " bytes)" : out.toString();
  }
}
