package io.vertebra.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionMasterKeyConfigTest {

  private static String error(String key) {
    return assertThrows(Config.ConfigException.class,
        () -> Config.from(Map.of(Config.ENCRYPTION_MASTER_KEY, key))).getMessage();
  }

  @Test
  void unsetMeansNoEncryptedChannels() {
    assertNull(Config.from(Map.of()).encryptionMasterKey());
  }

  @Test
  void thirtyTwoBytesInBase64AreTaken() {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    assertEquals(key, Config.from(Map.of(Config.ENCRYPTION_MASTER_KEY, " " + key + " ")).encryptionMasterKey());
  }

  @Test
  void anythingElseStopsTheStartWithoutRepeatingTheKey() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes());
    String message = error(shortKey);
    assertTrue(message.contains("must be 32 bytes in base64") && message.contains("got 16 bytes"), message);
    assertTrue(!message.contains(shortKey), message);
    assertTrue(error("not base64 at all!").contains("is not base64"));
  }
}
