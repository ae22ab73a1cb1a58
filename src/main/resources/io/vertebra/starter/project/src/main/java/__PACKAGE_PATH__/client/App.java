package __PACKAGE__.client;

import __PACKAGE__.client.model.Notes;
import __PACKAGE__.client.model.Session;
import __PACKAGE__.client.ui.SignInView;
import __PACKAGE__.shared.NoteApi;
import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import io.vertebra.framework.browser.WindowLocation;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.LiveModels;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.Reconnector;
import io.vertebra.framework.realtime.SocketIdHeader;
import io.vertebra.framework.realtime.pusher.PusherJsBackend;
import io.vertebra.framework.realtime.pusher.PusherOptions;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.framework.sync.XhrTransport;
import io.vertebra.framework.view.ConnectionBadge;

/**
 * The app's entry point: who is signed in (or the sign-in form), then the realtime connection with the options the
 * server hands out ({@code /api/config}), the live list of notes and the hash routes.
 */
public class App implements EntryPoint {

  private final Session session = new Session();
  private final Model config = new Model();
  private final Notes notes = new Notes();
  private Element main;

  @Override
  public void onModuleLoad() {
    XhrTransport.install(); // REST through the browser's XMLHttpRequest
    WindowLocation.install();
    main = Document.get().getElementById("app");
    main.removeAllChildren();
    config.setUrl(NoteApi.CONFIG_PATH);
    session.fetch(new Options()
        .success((target, response, options) -> loadConfig())
        .error((target, response, options) -> {
          if (((SyncError) response).getStatus() == 401) {
            SignInView signIn = SignInView.of(session);
            signIn.on("signed-in", args -> {
              signIn.remove();
              loadConfig();
            });
            main.appendChild(signIn.render().el());
          } else {
            main.setInnerText("The server could not be reached. Reload the page to try again.");
          }
        }));
  }

  private void loadConfig() {
    config.fetch(new Options().success((target, response, options) -> start()));
  }

  private void start() {
    Notifier notifier = new Notifier(new PusherJsBackend(PusherOptions.fromMap(config.getAttributes())));
    SocketIdHeader.install(notifier); // our own writes are not echoed back to this page
    new Reconnector(notifier);
    Document.get().getElementById("connection").appendChild(new ConnectionBadge(notifier).render().el());
    LiveModels.follow(notes, notifier, NoteApi.NOTES_CHANNEL);
    // What changed between the first load and the subscription is not replayed: load once subscribed.
    notes.listenTo(notifier.channel(NoteApi.NOTES_CHANNEL), Notifier.SUBSCRIPTION_SUCCEEDED,
        args -> notes.fetch(new Options()));
    AppRouter.create(main, notes, notifier).start();
    notifier.connect();
    main.setAttribute("data-ready", "true");
  }
}
