package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Element;
import io.vertebra.framework.core.Values;
import io.vertebra.posts.client.model.Post;

/**
 * One post, read-only, redrawn when it changes (live), with who edited it last. Triggers {@code "edit"} and,
 * after a second confirming click, {@code "delete"} (offered to the author only).
 */
public final class PostDetailView extends AppView {

  private final Post post;
  private final String userId;

  /** The post as shown to the user {@code userId} (who sees Delete only on their own posts). */
  public PostDetailView(Post post, String userId) {
    super("div", "post-detail");
    this.post = post;
    this.userId = userId;
    listenTo(post, "change", args -> render());
  }

  @Override
  public PostDetailView render() {
    el().setAttribute("data-version", Values.asText(post.getVersion()));
    if (post.getVersion() == 0) {
      html(Templates.T.loading()); // opened by URL: the post is on its way
      return this;
    }
    html(Templates.T.postDetail(post.getTitle(), post.getAuthor(), When.label(post.getUpdatedAt()),
        post.getBody(), post.editedByNote()));
    if (!post.deletableBy(userId)) {
      findFirst("[data-action=delete]").removeFromParent(); // the server refuses anyone but the author
    }
    return this;
  }

  @Override
  protected void onAction(String action, Element target) {
    switch (action) {
      case "edit":
        trigger("edit");
        break;
      case "delete":
        // An inline second click instead of window.confirm: no modal dialog to lose.
        target.setAttribute("data-action", "confirm-delete");
        target.setInnerText("Really delete?");
        break;
      case "confirm-delete":
        trigger("delete");
        break;
      default:
        break;
    }
  }
}
