package io.vertebra.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DNS rebinding (issue 21): a page served from an attacker's name that resolves to 127.0.0.1 makes the browser
 * send {@code Host: attacker.example}, with the user's cookie for that name. Bound to loopback, the server answers
 * only loopback names: everything else gets 421 JSON (pages, REST reads and writes, sign-in, /api/config, the
 * WebSocket), while /healthz answers whatever the Host.
 */
class HostHeaderIT {

  @RegisterExtension
  static final AppUnderTest APP = new AppUnderTest();

  private static RawHttp.Response send(String method, String path, String host, String body, String... headers) {
    String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (int i = 0; i < headers.length; i += 2) {
      head += headers[i] + ": " + headers[i + 1] + "\r\n";
    }
    if (body != null) {
      head += "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n";
    }
    return new RawHttp(APP.port()).exchange(head + "\r\n" + (body == null ? "" : body));
  }

  @Test
  void aRebindingHostIsRefusedEverywhereButTheHealthProbe() {
    String evil = "attacker.example:" + APP.port();
    for (String[] request : new String[][] {{"GET", "/"}, {"GET", "/api/config"}, {"GET", "/api/posts"},
        {"GET", "/api/session"}, {"DELETE", "/api/posts/1"}}) {
      RawHttp.Response refused = send(request[0], request[1], evil, null);
      assertEquals(421, refused.status(), request[1] + ": " + refused.body());
      assertNull(Leaks.errorShape(refused.body()), refused.body());
    }
    assertEquals(421, send("POST", "/api/session", evil, "{\"name\":\"Mallory\"}",
        "Origin", "http://" + evil).status(), "sign-in from the rebinding page");
    assertEquals(421, send("GET", "/app/" + APP.key() + "?protocol=7", evil, null, "Upgrade", "websocket",
        "Connection", "Upgrade", "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
        .status(), "the WebSocket");
    assertEquals(200, send("GET", "/healthz", evil, null).status());
  }

  @Test
  void loopbackNamesAreServed() {
    for (String host : new String[] {"127.0.0.1:" + APP.port(), "localhost:" + APP.port(), "localhost"}) {
      assertEquals(200, send("GET", "/api/config", host, null).status(), host);
    }
  }
}
