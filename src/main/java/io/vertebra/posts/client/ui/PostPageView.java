package io.vertebra.posts.client.ui;

import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.LiveModels;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.posts.client.model.Post;
import io.vertebra.posts.client.model.Posts;
import io.vertebra.posts.client.model.Session;
import io.vertebra.posts.client.realtime.EditingSignal;
import io.vertebra.posts.client.realtime.PostPresence;
import io.vertebra.posts.shared.PostChannels;
import io.vertebra.posts.shared.PostFields;
import java.util.Map;

/**
 * The page of one post ({@code #posts/{id}}, {@code #posts/{id}/edit}): who is viewing it, who is editing it, and
 * the post itself, read-only or in the editor. The post follows {@code post-{id}} and the viewers follow
 * {@code presence-post-{id}} while the page is shown; {@link #remove()} releases both channels.
 */
public final class PostPageView extends AppView {

  private final Post post;
  private final Posts posts;
  private final PostPresence presence;
  private final PresenceView presenceView;
  private final EditingNote editingNote;
  private final EditingSignal signal;
  private AppView body;
  private final String userId;

  public PostPageView(double id, Posts posts, Notifier notifier, Session session) {
    super("section", "post-page");
    this.posts = posts;
    // Share the list's model when it has one, so a save here shows in the list without an echo from the server.
    Post listed = posts.get(id);
    this.post = listed != null ? listed : new Post(Map.of(PostFields.ID, id), null);
    this.presence = new PostPresence(notifier, post.getPostId());
    this.userId = session.getUserId();
    this.presenceView = new PresenceView(presence, session.getUserId());
    this.editingNote = new EditingNote(presence, session.getUserId());
    this.signal = new EditingSignal(presence::announceEditing);
    LiveModels.follow(this, post, notifier, PostChannels.post(post.getPostId()));
    listenTo(post, "destroy", args -> gone());
    // Only the load's failure is the page's to show; the editor and the detail view report their own requests.
    post.fetch(new Options().error((target, response, options) -> {
      if (((SyncError) response).getStatus() == 404) {
        gone();
      } else {
        Forms.showError(el(), Forms.describe((SyncError) response));
      }
    }));
  }

  /** The id of the post this page shows. */
  public String postId() {
    return post.getPostId();
  }

  /** Shows the editor or the read-only post; the page (and its presence) stays. */
  public PostPageView setEditing(boolean editing) {
    if (editing && !(body instanceof PostEditorView)) {
      showEditor();
    } else if (!editing && !(body instanceof PostDetailView)) {
      showDetail();
    }
    return this;
  }

  @Override
  public PostPageView render() {
    html(Templates.T.postPage());
    byClass("presence").appendChild(presenceView.render().el());
    byClass("note-slot").appendChild(editingNote.render().el());
    if (body != null) {
      byClass("page-body").appendChild(body.el());
    }
    return this;
  }

  @Override
  public AppView remove() {
    if (body != null) {
      body.remove();
    }
    presenceView.remove();
    editingNote.remove();
    presence.stop();
    super.remove();
    return this;
  }

  private void showDetail() {
    PostDetailView detail = new PostDetailView(post, userId);
    listenTo(detail, "edit", args -> Navigation.go("posts/" + post.getPostId() + "/edit"));
    listenTo(detail, "delete", args -> post.destroy(new Options().waitForServer(true)
        .success((target, response, options) -> Navigation.go(""))
        .error((target, response, options) -> Forms.showError(el(), Forms.describe((SyncError) response)))));
    show(detail);
  }

  private void showEditor() {
    PostEditorView editor = new PostEditorView(post, (attrs, options) -> posts.create(attrs, options), signal);
    listenTo(editor, "saved", args -> {
      Post listed = posts.get(post.getId());
      if (listed != null && listed != post) {
        listed.set(post.getAttributes());
      }
      Navigation.go("posts/" + post.getPostId());
    });
    listenTo(editor, "cancel", args -> Navigation.go("posts/" + post.getPostId()));
    show(editor);
  }

  private void show(AppView next) {
    if (body != null) {
      stopListening(body);
      body.remove();
    }
    body = next.render();
    if (byClass("page-body") != null) {
      byClass("page-body").appendChild(body.el());
    }
  }

  private void gone() {
    posts.remove(post.getId());
    Forms.showError(el(), "This post does not exist (any more).");
    if (body != null) {
      body.remove();
      body = null;
    }
  }
}
