package io.vertebra.posts.client.ui;

import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.safehtml.shared.UriUtils;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Values;
import io.vertebra.framework.sync.SyncError;
import io.vertebra.posts.client.model.Post;
import io.vertebra.posts.client.model.Posts;

/**
 * The live post list. Each post is one {@code <li data-id data-version>}: an added post inserts one item at its
 * sorted place, a change redraws only that item, a removal removes only that item, so nothing flickers when
 * others write.
 */
public final class PostListView extends AppView {

  private final Posts posts;

  public PostListView(Posts posts) {
    super("section", "post-list");
    this.posts = posts;
    listenTo(posts, "add", args -> insert((Post) args[0]));
    listenTo(posts, "remove", args -> removeItem((Post) args[0]));
    listenTo(posts, "change", args -> redraw((Post) args[0]));
    listenTo(posts, "reset sort", args -> renderItems());
    listenTo(posts, "sync", args -> {
      Forms.showError(el(), "");
      updateFooter();
    });
    listenTo(posts, "error", args -> Forms.showError(el(), Forms.describe((SyncError) args[1])));
  }

  @Override
  public PostListView render() {
    html(Templates.T.postList());
    renderItems();
    return this;
  }

  @Override
  protected void onAction(String action, Element target) {
    if ("more".equals(action)) {
      posts.fetchMore(new Options());
    }
  }

  private void renderItems() {
    Element list = byClass("posts");
    if (list == null) {
      return;
    }
    list.removeAllChildren();
    for (Post post : posts) {
      list.appendChild(item(post));
    }
    updateFooter();
  }

  private void insert(Post post) {
    Element list = byClass("posts");
    if (list == null || post.isNew()) {
      return;
    }
    int index = posts.indexOf(post);
    Element before = index >= 0 && index < list.getChildCount() ? list.getChild(index).cast() : null;
    if (before != null) {
      list.insertBefore(item(post), before);
    } else {
      list.appendChild(item(post));
    }
    updateFooter();
  }

  private void removeItem(Post post) {
    Element item = itemOf(post);
    if (item != null) {
      item.removeFromParent();
    }
    updateFooter();
  }

  private void redraw(Post post) {
    Element item = itemOf(post);
    if (item == null) {
      insert(post); // saved for the first time: it has an id now
      return;
    }
    item.setAttribute("data-version", Values.asText(post.getVersion()));
    item.setInnerSafeHtml(itemHtml(post));
  }

  private Element item(Post post) {
    Element li = Document.get().createLIElement();
    li.setClassName("post-item");
    li.setAttribute("data-id", post.getPostId());
    li.setAttribute("data-version", Values.asText(post.getVersion()));
    li.setInnerSafeHtml(itemHtml(post));
    return li;
  }

  private static com.google.gwt.safehtml.shared.SafeHtml itemHtml(Post post) {
    return Templates.T.postItem(UriUtils.fromSafeConstant("#posts/" + post.getPostId()), post.getTitle(),
        post.getAuthor(), When.label(post.getUpdatedAt()));
  }

  private Element itemOf(Post post) {
    Element list = byClass("posts");
    if (list == null) {
      return null;
    }
    String id = post.getPostId();
    for (Element li = list.getFirstChildElement(); li != null; li = li.getNextSiblingElement()) {
      if (id.equals(li.getAttribute("data-id"))) {
        return li;
      }
    }
    return null;
  }

  private void updateFooter() {
    Element empty = byClass("empty");
    Element more = byClass("more");
    if (empty != null) {
      empty.getStyle().setProperty("display", posts.isEmpty() ? "" : "none");
    }
    if (more != null) {
      more.getStyle().setProperty("display", posts.hasMore() ? "" : "none");
    }
  }
}
