package io.vertebra.kit.config;

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

  @Test
  @DisplayName("a CHANNELS_SECRET shorter than 16 characters is refused (issue 21), naming the variable only")
  void shortChannelsSecret() {
    Config.ConfigException e = assertThrows(Config.ConfigException.class,
        () -> Config.from(Map.of("CHANNELS_SECRET", "secret")));
    assertTrue(e.getMessage().startsWith("CHANNELS_SECRET must be at least 16 characters"), e.getMessage());
    assertTrue(!e.getMessage().contains("'secret'"), "the value is never echoed");
    assertEquals("0123456789abcdef", Config.from(Map.of("CHANNELS_SECRET", "0123456789abcdef")).channelsSecret());
  }

  @Test
  @DisplayName("the startup banner says how long the secret is and shows none of its characters")
  void bannerShowsNoSecretCharacters() {
    RealtimeSettings settings = RealtimeSettings.embedded(
        new ChannelsCredentials("123456", "the-key", "s3cr3t-abcdefghijk-Z9"), "127.0.0.1", 8080);
    String banner = settings.describe() + settings.describeAsService();
    assertTrue(banner.contains("21 characters, not shown"), banner);
    assertTrue(!banner.contains("s3") && !banner.contains("Z9"), banner);
  }

  @Test
  @DisplayName("SIGN_INS_PER_CLIENT: 20 by default, 0 turns the limit off, anything else not a count is refused")
  void signInsPerClient() {
    assertEquals(20, Config.from(Map.of()).http().signInsPerClient());
    assertEquals(500, Config.from(Map.of("SIGN_INS_PER_CLIENT", "500")).http().signInsPerClient());
    assertEquals(0, Config.from(Map.of("SIGN_INS_PER_CLIENT", " 0 ")).http().signInsPerClient());
    for (String bad : new String[] {"-1", "many", "1.5"}) {
      Config.ConfigException e = assertThrows(Config.ConfigException.class,
          () -> Config.from(Map.of("SIGN_INS_PER_CLIENT", bad)));
      assertTrue(e.getMessage().contains("SIGN_INS_PER_CLIENT"), e.getMessage());
    }
  }
}
