package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refused request must not leave its body on a kept-alive connection: if the server answers before it has read
 * the body and keeps the connection open, the body's bytes are parsed as the next request ({@code 400 Illegal
 * character VCHAR='"'} for a JSON body), and a client that reuses the connection gets that answer instead of its
 * own (seen once in a heavy RestHostileIT run, docs/security.md). For each way a body-carrying request is
 * refused or accepted, on one connection: the headers, a pause in which the server could answer early, the body,
 * the answer, then {@code GET /healthz}. Either the server closes the connection, or the next request on it is
 * answered as itself.
 */
class KeptAliveConnectionIT {

  private static final String JSON_BODY = "{\"title\":\"A title\",\"body\":\"Some body text\"}";

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  @Test
  void noRefusedBodyIsReadAsTheNextRequest() throws Exception {
    String cookie = "Cookie: vertebra_session=" + RestHostileIT.sessionCookie(new RawHttp(APP.port()), "Keeper");
    String json = "Content-Type: application/json";
    String form = "Content-Type: application/x-www-form-urlencoded";
    List<String[]> cases = List.of(
        new String[] {"POST", "/api/posts", json, cookie},
        new String[] {"POST", "/api/posts", json},
        new String[] {"POST", "/api/posts", "Content-Type: text/plain", cookie},
        new String[] {"POST", "/api/posts", json, cookie, "Origin: http://attacker.example"},
        new String[] {"PUT", "/api/posts/999999", json, cookie},
        new String[] {"PATCH", "/api/posts/1", json},
        new String[] {"DELETE", "/api/posts/1", json, cookie},
        new String[] {"POST", "/api/session", json, "Origin: null"},
        new String[] {"PUT", "/api/session", json},
        new String[] {"POST", "/api/nothing", json},
        new String[] {"POST", "/api/config", json},
        new String[] {"POST", "/pusher/auth", form},
        new String[] {"POST", "/pusher/user-auth", form, cookie},
        new String[] {"POST", "/apps/" + APP.appId() + "/events", json},
        new String[] {"POST", "/apps/nope/events", json},
        new String[] {"POST", "/console/api/events", json},
        new String[] {"POST", "/admin/backup", json},
        new String[] {"POST", "/index.html", json},
        new String[] {"POST", "/healthz", json},
        new String[] {"GET", "/api/posts?limit=1", json});
    List<String> problems = new ArrayList<>();
    for (String[] c : cases) {
      String problem = check(c[0], c[1], List.of(c).subList(2, c.length));
      if (problem != null) {
        problems.add(c[0] + " " + c[1] + " " + List.of(c).subList(2, c.length) + ": " + problem);
      }
    }
    assertEquals(List.of(), problems);
    APP.assertQuietLog("kept-alive refusals");
  }

  /** One case on a fresh kept-alive connection; what went wrong, or null. */
  private static String check(String method, String path, List<String> headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", APP.port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] body = JSON_BODY.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method).append(' ').append(path)
          .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(APP.port()).append("\r\n");
      headers.forEach(h -> head.append(h).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      sleep(300); // room for an answer before the body: the case this test is about
      boolean early = in.available() > 0;
      try {
        out.write(body);
        out.flush();
      } catch (IOException e) {
        return early ? null : "the connection broke while the body was sent: " + e;
      }
      Answer first = Answer.read(in);
      if (first == null) {
        return "no answer";
      }
      if ("close".equalsIgnoreCase(first.headers.get("connection"))) {
        return null; // the server will not read this connection further: no next request to confuse
      }
      Answer second;
      try {
        out.write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + APP.port() + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        second = Answer.read(in);
      } catch (IOException e) {
        return null; // closed without saying so: a client retries on a new connection, nothing is misread
      }
      if (second == null) {
        return null; // closed after the first answer
      }
      if (second.status != 200) {
        return (early ? "answered " + first.status + " before the body arrived, kept the connection open, and "
            : "after " + first.status + ", ") + "the next request on the connection got "
            + second.status + " " + second.body;
      }
      assertTrue(second.body.contains("\""), "a health report: " + second.body);
      return null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One HTTP/1.1 answer read off a kept-alive connection: up to its Content-Length or its last chunk. */
  private record Answer(int status, Map<String, String> headers, String body) {

    static Answer read(InputStream in) throws IOException {
      String statusLine = line(in);
      if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
        return null;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
          body.write(in.readNBytes(size));
          line(in);
        }
        line(in);
      } else if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      }
      return new Answer(Integer.parseInt(statusLine.substring(9, 12)), headers,
          body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b == '\n') {
          String text = line.toString(StandardCharsets.ISO_8859_1);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        line.write(b);
      }
      return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
