package __PACKAGE__.client.ui;

import __PACKAGE__.client.model.Note;
import __PACKAGE__.shared.NoteApi;
import com.google.gwt.dom.client.Element;
import com.google.gwt.dom.client.InputElement;
import com.google.gwt.dom.client.TextAreaElement;
import com.google.gwt.safehtml.shared.SafeHtmlBuilder;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Values;
import io.vertebra.framework.realtime.LiveModels;
import io.vertebra.framework.realtime.LivePresence;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.framework.view.View;
import io.vertebra.framework.view.ViewEventHandler;
import io.vertebra.framework.view.ViewOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One note, editable, live: it follows the note's channel (another browser's save shows here, a delete leaves the
 * page) and its presence channel (who else has this note open). {@link #remove()} ends both subscriptions.
 * A save names the version it was based on: when someone saved in between, the server answers 409 with the current
 * note instead of silently overwriting the other writer.
 */
public final class NoteDetailView extends View {

  private final Collection<Model> viewers = new Collection<>();
  private List<View> tools;

  /** The view of {@code note}, live through {@code notifier}. */
  public NoteDetailView(Note note, Notifier notifier) {
    super(new ViewOptions().model(note));
    String id = note.getNoteId();
    LiveModels.follow(this, note, notifier, NoteApi.channel(id));
    LivePresence.follow(this, viewers, notifier, NoteApi.presenceChannel(id));
    listenTo(viewers, "add remove reset", args -> renderViewers());
    listenTo(note, "change", args -> render());
    listenTo(note, "destroy", args -> trigger("gone"));
  }

  @Override
  protected Map<String, ViewEventHandler> events() {
    Map<String, ViewEventHandler> events = new LinkedHashMap<>();
    events.put("submit .edit-note", event -> {
      event.preventDefault();
      save();
    });
    events.put("click .delete", event -> note().destroy(new Options().waitForServer(true)
        .error((target, response, options) -> showError(((SyncError) response).getMessage()))));
    return events;
  }

  @Override
  public NoteDetailView render() {
    Note note = note();
    html(Templates.T.noteDetail(NoteApi.MAX_TITLE, note.getAuthor(), Values.asText(note.get("version"))));
    InputElement.as(findFirst(".title")).setValue(note.getTitle());
    TextAreaElement.as(findFirst(".body")).setValue(note.getBody());
    renderViewers();
    if (tools == null) {
      tools = tools(note);
    }
    Element bar = findFirst(".tools");
    for (View tool : tools) {
      bar.appendChild(tool.render().el());
    }
    return this;
  }

  /** The views in the note's tool bar (none yet: docs/first-app.md adds one); removed with this view. */
  private List<View> tools(Note note) {
    return new ArrayList<>();
  }

  @Override
  public View remove() {
    if (tools != null) {
      tools.forEach(View::remove);
    }
    return super.remove();
  }

  private void renderViewers() {
    Element list = findFirst(".viewers");
    if (list == null) {
      return;
    }
    SafeHtmlBuilder html = new SafeHtmlBuilder();
    for (Model viewer : viewers) {
      html.append(Templates.T.viewer(Values.asText(viewer.getId()), Values.asText(viewer.get("name"))));
    }
    list.setInnerSafeHtml(html.toSafeHtml());
  }

  private void save() {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put(NoteApi.TITLE, InputElement.as(findFirst(".title")).getValue().trim());
    change.put(NoteApi.BODY, TextAreaElement.as(findFirst(".body")).getValue());
    change.put("version", note().get("version"));
    Note proposed = new Note(change, null);
    if (!proposed.isValid()) {
      showError(String.valueOf(proposed.getValidationError()));
      return;
    }
    note().save(change, new Options().patch(true).waitForServer(true)
        .error((target, response, options) -> showError(response instanceof SyncError
            ? ((SyncError) response).getMessage() : String.valueOf(response))));
  }

  private void showError(String message) {
    findFirst(".edit-note .error").setInnerText(message);
  }

  private Note note() {
    return (Note) model();
  }
}
