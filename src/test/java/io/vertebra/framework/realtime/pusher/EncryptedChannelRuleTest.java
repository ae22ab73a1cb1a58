package io.vertebra.framework.realtime.pusher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which channels a page may subscribe to depending on the pusher-js build it loaded. */
class EncryptedChannelRuleTest {

  @Test
  void thePlainBuildRefusesOnlyEncryptedChannels() {
    assertFalse(PusherJsBackend.canSubscribe("private-encrypted-notes", false));
    assertFalse(PusherJsBackend.canSubscribe("private-encrypted-cache-notes", false));
    assertTrue(PusherJsBackend.canSubscribe("private-notes", false));
    assertTrue(PusherJsBackend.canSubscribe("presence-post-1", false));
    assertTrue(PusherJsBackend.canSubscribe("posts", false));
  }

  @Test
  void theEncryptionBuildSubscribesToAnything() {
    assertTrue(PusherJsBackend.canSubscribe("private-encrypted-notes", true));
    assertTrue(PusherJsBackend.canSubscribe("posts", true));
  }

  @Test
  void theRefusalSaysWhichScriptToLoad() {
    var data = PusherJsBackend.encryptionUnavailable();
    assertEquals("EncryptionUnavailable", data.get("type"));
    assertTrue(String.valueOf(data.get("error")).contains("vendor/pusher-with-encryption.min.js"));
  }
}
