package io.vertebra.posts.client;

import com.google.gwt.user.client.History;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.posts.client.model.Post;
import io.vertebra.posts.client.model.Posts;
import io.vertebra.posts.client.model.Session;
import io.vertebra.posts.client.realtime.EditingSignal;
import io.vertebra.posts.client.ui.PostEditorView;
import io.vertebra.posts.client.ui.PostListView;
import io.vertebra.posts.client.ui.PostPageView;
import io.vertebra.posts.client.ui.ShellView;

/**
 * Hash routes of the app: {@code #} the list, {@code #posts/new} the editor for a new post, {@code #posts/{id}}
 * a post, {@code #posts/{id}/edit} its editor. Uses GWT's History (hash tokens, back button) until the
 * framework's Router (branch {@code router}) is merged.
 */
final class AppRouter {

  private final ShellView shell;
  private final Posts posts;
  private final Notifier notifier;
  private final Session session;

  AppRouter(ShellView shell, Posts posts, Notifier notifier, Session session) {
    this.shell = shell;
    this.posts = posts;
    this.notifier = notifier;
    this.session = session;
  }

  /** Shows the page for the current URL and follows every later hash change. */
  void start() {
    History.addValueChangeHandler(event -> route(event.getValue()));
    route(History.getToken());
  }

  void route(String token) {
    String[] parts = token == null ? new String[0] : token.split("/");
    if (parts.length >= 2 && "posts".equals(parts[0])) {
      if ("new".equals(parts[1]) && parts.length == 2) {
        showNewPost();
        return;
      }
      long id = parseId(parts[1]);
      if (id > 0 && (parts.length == 2 || (parts.length == 3 && "edit".equals(parts[2])))) {
        showPost(id, parts.length == 3);
        return;
      }
    }
    shell.show(new PostListView(posts));
  }

  private void showPost(long id, boolean editing) {
    // Switching between reading and editing keeps the page, so the user does not leave and re-enter presence.
    if (shell.page() instanceof PostPageView && ((PostPageView) shell.page()).postId() == id) {
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
    editor.on("saved", args -> History.newItem("posts/" + ((Post) args[0]).getPostId()));
    editor.on("cancel", args -> History.newItem(""));
    shell.show(editor);
  }

  private static long parseId(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.matches("[0-9]+")) {
      return -1;
    }
    return Long.parseLong(text);
  }
}
