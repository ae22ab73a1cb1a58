package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigTest {

  private static final String SECRET = "a4f1c0de".repeat(8);

  @Test
  @DisplayName("SESSION_SECRET: unset or blank means the per-DATA_DIR key; a value is kept as given")
  void sessionSecret() {
    assertNull(Config.from(Map.of()).sessionSecret());
    assertNull(Config.from(Map.of("SESSION_SECRET", "  ")).sessionSecret());
    assertEquals(SECRET, Config.from(Map.of("SESSION_SECRET", SECRET)).sessionSecret());
  }

  @Test
  @DisplayName("a SESSION_SECRET shorter than 32 characters is refused, naming the variable but not the value")
  void shortSessionSecret() {
    Config.ConfigException e = assertThrows(Config.ConfigException.class,
        () -> Config.from(Map.of("SESSION_SECRET", "too-short-secret")));
    assertTrue(e.getMessage().startsWith("SESSION_SECRET must be at least 32 characters"), e.getMessage());
    assertTrue(!e.getMessage().contains("too-short-secret"), "the value is never echoed");
  }
}
