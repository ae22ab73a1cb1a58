package __PACKAGE__.server;

import io.vertebra.kit.live.LiveResource;
import java.util.List;

/**
 * Every live resource of the app: {@link NotesServer} installs each one, written by signed-in users
 * ({@link SignedInWriters}).
 */
final class Resources {

  static final List<LiveResource> ALL = List.of(NoteResource.NOTES);

  private Resources() {}
}
