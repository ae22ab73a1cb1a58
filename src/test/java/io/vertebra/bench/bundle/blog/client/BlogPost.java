package io.vertebra.bench.bundle.blog.client;

import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.realtime.Notifier;
import java.util.Map;

/** A blog post: {@code /api/posts/{id}}, fetched again whenever its channel says {@code post:change}. */
final class BlogPost extends Model {

  static final String ROOT = "/api/posts";

  BlogPost(Map<String, ?> attributes, Options options) {
    super(attributes, options);
  }

  @Override
  public String urlRoot() {
    return ROOT;
  }

  /** The blog post's wiring: the server triggers post:change on post-{id} when it saves; refetch then. */
  void followChanges(Notifier notifier) {
    listenTo(notifier.channel("post-" + getId()), "post:change", args -> fetch());
  }
}
