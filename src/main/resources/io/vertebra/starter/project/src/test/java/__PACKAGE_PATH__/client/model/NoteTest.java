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
  void theMostRecentlyChangedNoteComesFirst() {
    Notes notes = new Notes();
    notes.add(List.of(Map.of("id", 1, NoteApi.TITLE, "old", "updatedAt", 1000),
        Map.of("id", 2, NoteApi.TITLE, "new", "updatedAt", 2000)), null);
    assertEquals("new", notes.at(0).getTitle());
    notes.get(1).set("updatedAt", 3000);
    notes.sort();
    assertEquals("old", notes.at(0).getTitle());
  }

  @Test
  void aNotePresenceChannelNamesItsNote() {
    assertEquals(7, NoteApi.presenceNoteId(NoteApi.presenceChannel(7)));
    assertEquals(-1, NoteApi.presenceNoteId("presence-note-"));
    assertEquals(-1, NoteApi.presenceNoteId("presence-note-7x"));
    assertEquals(-1, NoteApi.presenceNoteId("private-note-7"));
  }
}
