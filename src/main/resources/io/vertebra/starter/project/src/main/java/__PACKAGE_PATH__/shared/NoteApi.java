package __PACKAGE__.shared;

/**
 * The notes resource as the browser and the server both see it: its URLs, realtime channels and events, field
 * names and rules. Plain constants and checks, compiled for both sides (the GWT module's {@code shared} source).
 */
public final class NoteApi {

  /** The collection: {@code GET} lists, {@code POST} creates; {@code /api/notes/{id}} reads, changes, deletes. */
  public static final String NOTES_PATH = "/api/notes";
  /** The options the browser's pusher-js connects with. */
  public static final String CONFIG_PATH = "/api/config";
  /** Who is signed in: {@code GET}, sign in with {@code POST {"name": ...}}, sign out with {@code DELETE}. */
  public static final String SESSION_PATH = "/api/session";

  /** The channel every list view follows: {@code note:create}, {@code note:change}, {@code note:destroy}. */
  public static final String NOTES_CHANNEL = "notes";
  /** The event names' prefix. */
  public static final String RESOURCE = "note";

  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String AUTHOR = "author";

  /** The longest title, in characters. */
  public static final int MAX_TITLE = 200;
  /** The longest body, in characters. */
  public static final int MAX_BODY = 20_000;

  private NoteApi() {}

  /** The channel of one note (its detail view): {@code note-7}. */
  public static String channel(Object id) {
    return RESOURCE + "-" + id;
  }

  /** Who is looking at one note: {@code presence-note-7}. */
  public static String presenceChannel(Object id) {
    return "presence-" + channel(id);
  }

  /** What is wrong with a title ({@code null} when it is fine): required, at most {@link #MAX_TITLE}. */
  public static String titleProblem(String title) {
    if (title == null || title.trim().isEmpty()) {
      return "A note needs a title";
    }
    return title.length() > MAX_TITLE ? "A title has at most " + MAX_TITLE + " characters" : null;
  }

  /** What is wrong with a body ({@code null} when it is fine): optional, at most {@link #MAX_BODY}. */
  public static String bodyProblem(String body) {
    return body != null && body.length() > MAX_BODY ? "A note has at most " + MAX_BODY + " characters" : null;
  }
}
