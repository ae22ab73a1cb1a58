package io.vertebra.posts.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The words the views choose, decided in plain Java (the DOM parts are covered by PostsAppIT). */
class UiWordingTest {

  @Test
  @DisplayName("editing note names one or two editors, then counts the others")
  void editingSentence() {
    assertEquals("", EditingNote.sentence(List.of()));
    assertEquals("Alice is editing…", EditingNote.sentence(List.of("Alice")));
    assertEquals("Alice and Bob are editing…", EditingNote.sentence(List.of("Alice", "Bob")));
    assertEquals("Alice and 2 others are editing…", EditingNote.sentence(List.of("Alice", "Bob", "Carol")));
  }

  @Test
  @DisplayName("presence line: 'you' first, then names, then a count")
  void presenceNames() {
    assertEquals("", PresenceView.names(false, List.of()));
    assertEquals("Only you are here", PresenceView.names(true, List.of()));
    assertEquals("Alice is here", PresenceView.names(false, List.of("Alice")));
    assertEquals("You and Alice are here", PresenceView.names(true, List.of("Alice")));
    assertEquals("You, Alice and 2 more are here", PresenceView.names(true, List.of("Alice", "Bob", "Carol")));
  }

  @Test
  @DisplayName("avatars: initials of up to two words; only a #rrggbb colour reaches the style attribute")
  void avatars() {
    assertEquals("AL", Avatars.initials("ada lovelace"));
    assertEquals("B", Avatars.initials(" Bob "));
    assertEquals("?", Avatars.initials(""));
    assertEquals("background-color:#12abEF;", Avatars.background("#12abEF").asString());
    assertEquals("background-color:#6b7280;", Avatars.background("red;background:url(x)").asString());
  }
}
