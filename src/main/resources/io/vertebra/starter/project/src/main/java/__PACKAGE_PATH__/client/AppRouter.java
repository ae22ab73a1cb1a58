package __PACKAGE__.client;

import __PACKAGE__.client.model.Note;
import __PACKAGE__.client.model.Notes;
import __PACKAGE__.client.ui.NoteDetailView;
import __PACKAGE__.client.ui.NoteListView;
import com.google.gwt.dom.client.Element;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.router.History;
import io.vertebra.framework.router.RouteCallback;
import io.vertebra.framework.router.Router;
import io.vertebra.framework.router.Routes;
import io.vertebra.framework.view.View;

/** The hash routes: {@code #} the list, {@code #notes/7} one note; anything else shows the list. */
final class AppRouter extends Router {

  private Element main;
  private Notes notes;
  private Notifier notifier;
  private View current;

  /** Routes into {@code main}; {@link #start()} shows the page of the current URL. */
  static AppRouter create(Element main, Notes notes, Notifier notifier) {
    AppRouter router = new AppRouter();
    router.main = main;
    router.notes = notes;
    router.notifier = notifier;
    return router;
  }

  void start() {
    History.global().start();
  }

  @Override
  protected void routes(Routes routes) {
    routes.add("", "list").add("notes/:id", "note").add("*other", "list");
  }

  @Override
  protected RouteCallback handler(String name) {
    return "note".equals(name) ? args -> showNote(args[0]) : args -> show(new NoteListView(notes).render());
  }

  private void showNote(String id) {
    Note note = notes.get(id);
    if (note == null) {
      note = new Note();
      note.set("id", id);
    }
    Note shown = note;
    // Fresh from the server: the list may hold an older version, or not have this note yet.
    shown.fetch(new Options()
        .success((target, response, options) -> {
          NoteDetailView view = new NoteDetailView(shown, notifier);
          view.on("gone", args -> navigate("", new Options().set(History.TRIGGER, true)));
          show(view.render());
        })
        .error((target, response, options) -> navigate("", new Options().set(History.TRIGGER, true))));
  }

  private void show(View view) {
    if (current != null) {
      current.remove();
    }
    current = view;
    main.removeAllChildren();
    main.appendChild(view.el());
  }
}
