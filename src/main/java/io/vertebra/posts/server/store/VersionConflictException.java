package io.vertebra.posts.server.store;

/** A write expected a version that is no longer current; carries the post as it is now. */
public final class VersionConflictException extends Exception {

  private final transient Post current;
  private final long expected;

  public VersionConflictException(Post current, long expected) {
    super("Post " + current.id() + " is at version " + current.version() + ", not " + expected);
    this.current = current;
    this.expected = expected;
  }

  public Post current() {
    return current;
  }

  public long expected() {
    return expected;
  }
}
