package __PACKAGE__.server;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.kit.live.Field;
import io.vertebra.kit.live.LiveResource;
import io.vertebra.kit.live.Ordering;

/**
 * The notes, declared once: Vertebra's server kit serves them at {@code /api/notes} (list with paging, read,
 * create, PUT, PATCH, DELETE, versions and 409 on a stale write, JSON errors), keeps them in the app's database
 * (the table is created, and given a column for each field added here later), and announces every write on the
 * {@code notes} channel and the note's own ({@code note-7}), with presence on {@code presence-note-7}.
 */
final class NoteResource {

  static final LiveResource NOTES = LiveResource.define("notes")
      .field(Field.text(NoteApi.TITLE).required().trimmed().maxLength(NoteApi.MAX_TITLE))
      .field(Field.text(NoteApi.BODY).maxLength(NoteApi.MAX_BODY))
      .field(Field.text(NoteApi.AUTHOR).maxLength(100).serverOwned())
      .ordering(Ordering.NEWEST_FIRST)
      .build();

  private NoteResource() {}
}
