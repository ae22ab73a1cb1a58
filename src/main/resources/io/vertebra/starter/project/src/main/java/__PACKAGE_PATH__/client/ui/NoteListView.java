package __PACKAGE__.client.ui;

import __PACKAGE__.client.model.Note;
import __PACKAGE__.client.model.Notes;
import __PACKAGE__.shared.NoteApi;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.InputElement;
import com.google.gwt.safehtml.shared.UriUtils;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live list of notes and a form to add one. It redraws from the collection's events alone, so a note another
 * browser adds, changes or deletes shows here the same way as the user's own.
 */
public final class NoteListView extends View {

  public NoteListView(Notes notes) {
    super(new ViewOptions().collection(notes));
  }

  @Override
  protected void initialize(ViewOptions options) {
    listenTo(notes(), "add remove change reset sort", args -> renderItems());
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    return Map.of("submit .new-note", event -> {
      event.preventDefault();
      add();
    });
  }

  @Override
  public NoteListView render() {
    html(Templates.T.noteList(NoteApi.MAX_TITLE));
    renderItems();
    return this;
  }

  private void add() {
    InputElement title = InputElement.as(findFirst(".new-note .title"));
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(NoteApi.TITLE, title.getValue().trim());
    attrs.put(NoteApi.BODY, "");
    Note note = new Note(attrs, null);
    if (!note.isValid()) {
      showError(String.valueOf(note.getValidationError()));
      return;
    }
    title.setValue("");
    showError("");
    notes().create(note, new Options().waitForServer(true)
        .error((target, response, options) -> showError(((SyncError) response).getMessage())));
  }

  private void renderItems() {
    Element list = findFirst(".notes");
    if (list == null) {
      return;
    }
    list.removeAllChildren();
    for (Note note : notes()) {
      if (note.isNew()) {
        continue;
      }
      Element item = Document.get().createLIElement();
      item.setAttribute("data-id", note.getNoteId());
      item.setInnerSafeHtml(Templates.T.noteItem(UriUtils.fromString("#notes/" + note.getNoteId()), note.getTitle(),
          note.getAuthor()));
      list.appendChild(item);
    }
    findFirst(".empty").getStyle().setProperty("display", notes().length() == 0 ? "" : "none");
  }

  private void showError(String message) {
    findFirst(".new-note .error").setInnerText(message);
  }

  @SuppressWarnings("unchecked")
  private Notes notes() {
    return (Notes) collection();
  }
}
