package io.vertebra.posts.client;

import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.router.History;
import io.vertebra.framework.router.RouteCallback;
import io.vertebra.framework.router.Router;
import io.vertebra.framework.router.Routes;
import io.vertebra.posts.client.model.Post;
import io.vertebra.posts.client.model.Posts;
import io.vertebra.posts.client.model.Session;
import io.vertebra.posts.client.realtime.EditingSignal;
import io.vertebra.posts.client.ui.Navigation;
import io.vertebra.posts.client.ui.PostEditorView;
import io.vertebra.posts.client.ui.PostListView;
import io.vertebra.posts.client.ui.PostPageView;
import io.vertebra.posts.client.ui.ShellView;

/**
 * Hash routes of the app: {@code #} the list, {@code #posts/new} the editor for a new post, {@code #posts/{id}}
 * a post, {@code #posts/{id}/edit} its editor; anything else shows the list.
 */
final class AppRouter extends Router {

  private ShellView shell;
  private Posts posts;
  private Notifier notifier;
  private Session session;

  /** Routes into {@code shell}; call {@link #start()} once the app is ready. */
  static AppRouter create(ShellView shell, Posts posts, Notifier notifier, Session session) {
    AppRouter router = new AppRouter();
    router.shell = shell;
    router.posts = posts;
    router.notifier = notifier;
    router.session = session;
    return router;
  }

  /** Shows the page for the current URL and follows every later hash change. */
  void start() {
    History.global().start();
  }

  @Override
  protected void routes(Routes routes) {
    // Declaration order wins: "posts/new" before "posts/:id".
    routes.add("", "list").add("posts/new", "new").add("posts/:id", "post").add("posts/:id/edit", "edit")
        .add("*other", "list");
  }

  @Override
  protected RouteCallback handler(String name) {
    switch (name) {
      case "list":
        return args -> shell.show(new PostListView(posts));
      case "new":
        return args -> showNewPost();
      case "post":
        return args -> showPost(args[0], false);
      case "edit":
        return args -> showPost(args[0], true);
      default:
        return null;
    }
  }

  private void showPost(String idText, boolean editing) {
    double id = parseId(idText);
    if (id <= 0) {
      shell.show(new PostListView(posts));
      return;
    }
    // Switching between reading and editing keeps the page, so the user does not leave and re-enter presence.
    if (shell.page() instanceof PostPageView && ((PostPageView) shell.page()).postId().equals(idText)) {
      ((PostPageView) shell.page()).setEditing(editing);
      return;
    }
    PostPageView page = new PostPageView(id, posts, notifier, session);
    shell.show(page);
    page.setEditing(editing);
  }

  private void showNewPost() {
    PostEditorView editor = new PostEditorView(new Post(), (attrs, options) -> posts.create(attrs, options),
        new EditingSignal(editing -> { }));
    editor.on("saved", args -> Navigation.go("posts/" + ((Post) args[0]).getPostId()));
    editor.on("cancel", args -> Navigation.go(""));
    shell.show(editor);
  }

  /** A post id ({@code "7"}: no sign, no leading zero, at most 15 digits, exact as a double), or -1. */
  private static double parseId(String text) {
    if (text == null || text.isEmpty() || text.length() > 15 || !text.matches("[1-9][0-9]*")) {
      return -1;
    }
    return Double.parseDouble(text);
  }
}
