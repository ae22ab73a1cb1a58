package __PACKAGE__.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import __PACKAGE__.shared.NoteApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser's models, run on the JVM: the framework's core needs no browser. */
class NoteTest {

  @Test
  void aNoteWithoutATitleIsInvalid() {
    Note note = new Note(Map.of(NoteApi.TITLE, "  "), null);
    assertFalse(note.isValid());
    assertEquals("A note needs a title", note.getValidationError());
  }

  @Test
  void aTitleTooLongIsInvalidAndOneAtTheLimitIsFine() {
    assertFalse(new Note(Map.of(NoteApi.TITLE, "x".repeat(NoteApi.MAX_TITLE + 1)), null).isValid());
    assertTrue(new Note(Map.of(NoteApi.TITLE, "x".repeat(NoteApi.MAX_TITLE)), null).isValid());
  }

  @Test
  void theNewestNoteComesFirstAsOnTheServer() {
    Notes notes = new Notes();
    notes.add(List.of(Map.of("id", 1, NoteApi.TITLE, "old"), Map.of("id", 12, NoteApi.TITLE, "new")), null);
    notes.add(Map.of("id", 3, NoteApi.TITLE, "middle"), null);
    assertEquals(List.of("new", "middle", "old"), notes.toList().stream().map(Note::getTitle).toList());
  }

  @Test
  void theChannelsAreNamedAsTheServerAnnouncesThem() {
    assertEquals("note-7", NoteApi.channel(7));
    assertEquals("presence-note-7", NoteApi.presenceChannel(7));
  }
}
