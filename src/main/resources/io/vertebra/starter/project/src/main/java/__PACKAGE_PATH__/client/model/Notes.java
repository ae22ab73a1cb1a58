package __PACKAGE__.client.model;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.framework.core.Collection;

/** Every note, the most recently changed first: a note someone just edited moves to the top of every list. */
public class Notes extends Collection<Note> {

  public Notes() {
    super((attrs, options) -> new Note(attrs, options));
    setUrl(NoteApi.NOTES_PATH);
    setComparator((a, b) -> Double.compare(b.getUpdatedAt(), a.getUpdatedAt()));
  }
}
