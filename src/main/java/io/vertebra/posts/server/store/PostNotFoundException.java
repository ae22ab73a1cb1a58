package io.vertebra.posts.server.store;

/** No post has this id (never existed or deleted). */
public final class PostNotFoundException extends Exception {

  private final long id;

  public PostNotFoundException(long id) {
    super("No post with id " + id);
    this.id = id;
  }

  public long id() {
    return id;
  }
}
