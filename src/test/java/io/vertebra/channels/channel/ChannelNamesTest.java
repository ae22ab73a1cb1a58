package io.vertebra.channels.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChannelNamesTest {

  @Test
  void acceptsPusherCharacterSet() {
    assertNull(ChannelNames.problem("presence-post-42_a=b@c,d.e;f", 164));
    assertNull(ChannelNames.problem("#server-to-user-alice", 164));
  }

  @Test
  void rejectsOtherCharactersEmptyAndTooLong() {
    assertNotNull(ChannelNames.problem("with space", 164));
    assertNotNull(ChannelNames.problem("slash/no", 164));
    assertNotNull(ChannelNames.problem("", 164));
    assertNotNull(ChannelNames.problem(null, 164));
    assertNotNull(ChannelNames.problem("#other", 164));
    assertNotNull(ChannelNames.problem("a".repeat(165), 164));
    assertNull(ChannelNames.problem("a".repeat(164), 164));
  }

  @Test
  void typesAndCacheFollowPrefixes() {
    assertEquals(ChannelType.ENCRYPTED, ChannelType.of("private-encrypted-x"));
    assertEquals(ChannelType.PRIVATE, ChannelType.of("private-cache-x"));
    assertEquals(ChannelType.PRESENCE, ChannelType.of("presence-cache-x"));
    assertEquals(ChannelType.USER, ChannelType.of("#server-to-user-1"));
    assertEquals(ChannelType.PUBLIC, ChannelType.of("cache-x"));
    assertTrue(ChannelNames.isCache("private-encrypted-cache-x"));
    assertFalse(ChannelNames.isCache("my-cache-x"));
    assertFalse(ChannelType.ENCRYPTED.allowsClientEvents());
  }

  @Test
  void eventNamesHaveALengthLimit() {
    assertNull(ChannelNames.eventProblem("a".repeat(200), 200));
    assertNotNull(ChannelNames.eventProblem("a".repeat(201), 200));
    assertNotNull(ChannelNames.eventProblem("", 200));
  }
}
