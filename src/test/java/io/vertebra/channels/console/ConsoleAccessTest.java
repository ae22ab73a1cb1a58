package io.vertebra.channels.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.channels.auth.AppCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Who may use the console: loopback as is, anyone else with the app key and secret. */
class ConsoleAccessTest {

  private final ConsoleAccess access = new ConsoleAccess(new AppCredentials("1", "the-key", "the-secret"));

  @Test
  void loopbackClientsNeedNoCredentials() {
    assertTrue(access.allows("127.0.0.1", false, null));
    assertTrue(access.allows("127.8.9.10", false, null));
    assertTrue(access.allows("0:0:0:0:0:0:0:1", false, null));
    assertTrue(access.allows("::1", false, null));
  }

  @Test
  void remoteClientsNeedTheKeyAndSecret() {
    assertFalse(access.allows("203.0.113.9", false, null));
    assertTrue(access.allows("203.0.113.9", false, basic("the-key:the-secret")));
    assertFalse(access.allows("203.0.113.9", false, basic("the-key:wrong")));
    assertFalse(access.allows("203.0.113.9", false, basic("other:the-secret")));
    assertFalse(access.allows("203.0.113.9", false, basic("the-key")));
    assertFalse(access.allows("203.0.113.9", false, "Bearer the-secret"));
    assertFalse(access.allows("203.0.113.9", false, "Basic !!!not-base64"));
  }

  @Test
  void aProxiedRequestIsRemoteEvenFromLoopback() {
    assertFalse(access.allows("127.0.0.1", true, null));
    assertTrue(access.allows("127.0.0.1", true, basic("the-key:the-secret")));
  }

  @Test
  void onlyIpLiteralsCountAsLoopbackNeverNames() {
    assertFalse(ConsoleAccess.isLoopback("localhost"));
    assertFalse(ConsoleAccess.isLoopback(null));
    assertFalse(ConsoleAccess.isLoopback("10.0.0.1"));
    assertTrue(ConsoleAccess.isLoopback("127.0.0.1"));
  }

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
