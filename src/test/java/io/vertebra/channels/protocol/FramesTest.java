package io.vertebra.channels.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The frames written from templates are the very text the JSON tree would have written. */
class FramesTest {

  /** What {@code connection_established} was before its template: the JSON tree's serialization. */
  private static String treeEstablished(String socketId, int activityTimeout) {
    ObjectNode data = Frames.JSON.createObjectNode().put("socket_id", socketId)
        .put("activity_timeout", activityTimeout);
    return Frames.stringify(Frames.JSON.createObjectNode().put("event", "pusher:connection_established")
        .put("data", Frames.stringify(data)));
  }

  private static String treeSucceeded(String channel) {
    return Frames.stringify(Frames.JSON.createObjectNode().put("event", "pusher_internal:subscription_succeeded")
        .put("channel", channel).put("data", "{}"));
  }

  @Test
  void connectionEstablishedFromTheTemplateIsTheTreesText() {
    for (String id : new String[] {"1.1", "123456789.987654321", "999999999.1"}) {
      for (int timeout : new int[] {0, 30, 120, 86_400}) {
        assertEquals(treeEstablished(id, timeout), Frames.connectionEstablished(id, timeout));
      }
    }
  }

  @Test
  void aSocketIdThatNeedsEscapingStillComesOutAsValidJson() {
    String id = "1.\"2\\";
    assertEquals(treeEstablished(id, 120), Frames.connectionEstablished(id, 120));
  }

  @Test
  void subscriptionSucceededFromTheTemplateIsTheTreesText() {
    for (String channel : new String[] {"posts", "private-post-7", "a_b-c=d@e,f.g;h", "#server-to-user-42"}) {
      assertEquals(treeSucceeded(channel), Frames.subscriptionSucceeded(channel));
      assertEquals(Frames.subscriptionSucceeded(channel, Frames.JSON.createObjectNode()),
          Frames.subscriptionSucceeded(channel));
    }
  }

  @Test
  void onlyNamesWithoutQuotesBackslashesOrControlsArePlain() {
    assertTrue(Frames.isPlain("123.456"));
    assertTrue(Frames.isPlain("presence-room_1=@,.;"));
    assertFalse(Frames.isPlain("a\"b"));
    assertFalse(Frames.isPlain("a\\b"));
    assertFalse(Frames.isPlain("a\nb"));
    assertFalse(Frames.isPlain("é"));
  }
}
