package io.vertebra.bench.bundle.blog.client;

import com.google.gwt.dom.client.Element;
import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.Notifier;
import io.vertebra.framework.router.RouteCallback;
import io.vertebra.framework.router.Router;
import io.vertebra.framework.router.Routes;
import io.vertebra.framework.view.View;
import java.util.Map;

/** {@code #} the list, {@code #posts/{id}} one post. */
final class BlogRouter extends Router {

  private final Element root;
  private final Collection<BlogPost> posts;
  private final Notifier notifier;
  private View current;

  BlogRouter(Element root, Collection<BlogPost> posts, Notifier notifier) {
    this.root = root;
    this.posts = posts;
    this.notifier = notifier;
  }

  @Override
  protected void routes(Routes routes) {
    routes.add("", "list").add("posts/:id", "post");
  }

  @Override
  protected RouteCallback handler(String name) {
    if (name.equals("post")) {
      return args -> {
        BlogPost post = new BlogPost(Map.of("id", args[0]), null);
        post.followChanges(notifier);
        post.fetch(new Options());
        show(new PostView(post));
      };
    }
    return args -> show(new ListView(posts));
  }

  private void show(View view) {
    if (current != null) {
      current.remove();
    }
    current = view;
    root.appendChild(view.render().el());
  }
}
