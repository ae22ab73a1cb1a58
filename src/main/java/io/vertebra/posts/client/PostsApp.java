package io.vertebra.posts.client;

import com.google.gwt.core.client.EntryPoint;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.user.client.Window;
import io.vertebra.framework.browser.WindowLocation;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.LiveModels;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.realtime.SocketIdHeader;
import io.vertebra.framework.realtime.pusher.PusherJsBackend;
import io.vertebra.framework.realtime.pusher.PusherOptions;
import io.vertebra.framework.sync.XhrTransport;
import io.vertebra.framework.core.Sync;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.posts.client.model.Posts;
import io.vertebra.posts.client.model.Session;
import io.vertebra.framework.realtime.Reconnector;
import io.vertebra.framework.view.ConnectionBadge;
import io.vertebra.posts.client.ui.ShellView;
import io.vertebra.posts.client.ui.SignInView;
import io.vertebra.posts.client.ui.UserMenu;
import io.vertebra.posts.shared.PostApi;
import io.vertebra.posts.shared.PostChannels;

/**
 * Entry point of the reference app: who is signed in (or the sign-in form), then the realtime connection with
 * the settings the server hands out ({@code /api/config}), the live post list and the hash routes.
 */
public class PostsApp implements EntryPoint {

  private final Session session = new Session();
  private final ShellView shell = new ShellView();
  private final Model config = new Model();
  private final Posts posts = new Posts();
  private boolean signedIn;
  private boolean configLoaded;
  private boolean started;

  @Override
  public void onModuleLoad() {
    XhrTransport.install();
    WindowLocation.install();
    Element root = Document.get().getElementById("app");
    root.removeAllChildren();
    root.appendChild(shell.render().el());
    root.setAttribute("data-ready", "true");
    // Who is signed in, the realtime settings and the first page of posts do not depend on each other: one round
    // trip for the three instead of three in a row (BENCHMARKS.md, first load).
    posts.fetch(new Options());
    config.setUrl(PostApi.CONFIG_PATH);
    config.fetch(new Options()
        .success((target, response, options) -> {
          configLoaded = true;
          startWhenReady();
        })
        .error((target, response, options) -> fatal("The realtime settings could not be loaded.")));
    session.fetch(new Options()
        .success((target, response, options) -> {
          signedIn = true;
          startWhenReady();
        })
        .error((target, response, options) -> {
          if (((SyncError) response).getStatus() == 401) {
            signIn();
          } else {
            fatal("The server could not be reached. Reload the page to try again.");
          }
        }));
  }

  private void signIn() {
    SignInView view = new SignInView(session);
    view.on("signed-in", args -> {
      signedIn = true;
      startWhenReady();
    });
    shell.show(view);
  }

  private void startWhenReady() {
    if (signedIn && configLoaded && !started) {
      started = true;
      startLive(PusherOptions.fromMap(config.getAttributes()));
    }
  }

  private void startLive(PusherOptions pusherOptions) {
    Notifier notifier = new Notifier(new PusherJsBackend(pusherOptions));
    SocketIdHeader.install(notifier);
    new Reconnector(notifier);
    shell.addToHeader(new ConnectionBadge(notifier));
    UserMenu user = new UserMenu(session);
    user.on("sign-out", args -> signOut(PostApi.SESSION_PATH));
    user.on("sign-out-everywhere", args -> signOut(PostApi.SESSION_PATH + PostApi.SIGN_OUT_EVERYWHERE));
    shell.addToHeader(user);
    LiveModels.follow(posts, notifier, PostChannels.POSTS);
    // The page first (the posts may be here already), then the connection: pusher-js queues the subscription.
    AppRouter.create(shell, posts, notifier, session).start();
    notifier.connect();
    // Signing the connection in lets the server address this user (e.g. terminate_connections).
    notifier.signin();
  }

  /** Signs out (the server revokes the session) at {@code url}: this session, or every copy of it. */
  private void signOut(String url) {
    session.sync(Sync.DELETE, new Options().url(url)
        .success((target, response, options) -> Window.Location.reload())
        .error((target, response, options) -> Window.alert("Signing out failed: "
            + ((SyncError) response).getMessage())));
  }

  private void fatal(String message) {
    Element main = Document.get().getElementById("app");
    main.setInnerText(message);
  }
}
