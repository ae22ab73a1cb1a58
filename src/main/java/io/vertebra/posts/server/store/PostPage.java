package io.vertebra.posts.server.store;

import java.util.List;

/** One page of the listing, newest first; {@code nextCursor} is null on the last page. */
public record PostPage(List<Post> posts, String nextCursor) {}
