package __PACKAGE__.client.model;

import __PACKAGE__.shared.NoteApi;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Values;
import java.util.Map;

/**
 * One note, as the browser holds it: typed accessors over the JSON the server sends ({@code id}, {@code version},
 * {@code title}, {@code body}, {@code author}, {@code createdAt}, {@code updatedAt}). It refuses to save what the
 * server would refuse ({@link #validate}: the same rules, from {@link NoteApi}), so the user hears of it without a
 * round trip.
 */
public class Note extends Model {

  public Note() {
    this(null, null);
  }

  public Note(Map<String, Object> attrs, Options options) {
    super(attrs, options);
  }

  @Override
  public String urlRoot() {
    return NoteApi.NOTES_PATH;
  }

  /** The id as text ({@code "7"}), as URLs and channel names write it; "" before the note is saved. */
  public String getNoteId() {
    return Values.asText(getId());
  }

  public String getTitle() {
    String title = getString(NoteApi.TITLE);
    return title == null ? "" : title;
  }

  public String getBody() {
    String body = getString(NoteApi.BODY);
    return body == null ? "" : body;
  }

  public String getAuthor() {
    String author = getString(NoteApi.AUTHOR);
    return author == null ? "" : author;
  }

  @Override
  protected Object validate(Map<String, Object> attrs, Options options) {
    Object title = attrs.get(NoteApi.TITLE);
    Object body = attrs.get(NoteApi.BODY);
    String problem = NoteApi.titleProblem(title instanceof String ? (String) title : null);
    return problem != null ? problem : NoteApi.bodyProblem(body instanceof String ? (String) body : null);
  }
}
