package __PACKAGE__.client.model;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.framework.core.Collection;

/** The notes, newest first, as the server lists them (a new note, from anyone, lands at the top). */
public class Notes extends Collection<Note> {

  public Notes() {
    super((attrs, options) -> new Note(attrs, options));
    setUrl(NoteApi.NOTES_PATH);
    setComparator((a, b) -> Double.compare(id(b), id(a)));
  }

  private static double id(Note note) {
    Object id = note.getId();
    return id instanceof Number ? ((Number) id).doubleValue() : Double.MAX_VALUE; // unsaved: on top
  }
}
