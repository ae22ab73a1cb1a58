package io.vertebra.posts.client.model;

import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.StringMap;
import io.vertebra.framework.core.SyncRequest;
import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.RestSync;
import io.vertebra.framework.sync.Transport;
import io.vertebra.posts.shared.PostApi;
import io.vertebra.posts.shared.PostFields;
import java.util.Map;

/**
 * The post list, newest first (by creation time, then id): the order the API pages in, so a page fetched later
 * appends below and a live {@code post:create} lands on top. Editing a post does not move it, which keeps the
 * list calm while several people type. Pages follow the API's cursor ({@code X-Next-Cursor}).
 */
public class Posts extends Collection<Post> {

  /** Posts per page. */
  public static final int PAGE_SIZE = 20;

  private String nextCursor;

  public Posts() {
    super((attrs, options) -> new Post(attrs, options));
    setUrl(PostApi.POSTS_PATH);
    setComparator((a, b) -> {
      int byTime = b.getCreatedAt().compareTo(a.getCreatedAt());
      return byTime != 0 ? byTime : Double.compare(id(b), id(a));
    });
    // The list response's cursor header is read on its way through the transport.
    setSync(new RestSync((request, callback) -> transport().send(request, response -> {
      if (response.isSuccess() && request.method().equals("GET")) {
        nextCursor = response.header(PostApi.NEXT_CURSOR_HEADER);
      }
      callback.onResponse(response);
    })));
  }

  /** Loads the first page (merging into what is shown, as after a reconnection). */
  @Override
  public SyncRequest fetch(Options options) {
    Options opts = new Options().putAll(options);
    if (opts.getData() == null) {
      opts.data(page(null));
    }
    return super.fetch(opts);
  }

  /** Whether the server has older posts than those loaded. */
  public boolean hasMore() {
    return nextCursor != null;
  }

  /** Appends the next (older) page; does nothing on the last page. */
  public void fetchMore(Options options) {
    if (nextCursor == null) {
      return;
    }
    super.fetch(new Options().putAll(options).remove(false).data(page(nextCursor)));
  }

  private static Map<String, Object> page(String cursor) {
    Map<String, Object> query = new StringMap<>();
    query.put(PostApi.LIMIT, (double) PAGE_SIZE);
    if (cursor != null) {
      query.put(PostApi.CURSOR, cursor);
    }
    return query;
  }

  private static double id(Post post) {
    Double id = post.getDouble(PostFields.ID);
    return id == null ? -1 : id;
  }

  private static Transport transport() {
    Transport transport = DefaultSync.transport();
    if (transport == null) {
      throw new IllegalStateException("No Transport configured: call DefaultSync.setTransport(...) first");
    }
    return transport;
  }
}
