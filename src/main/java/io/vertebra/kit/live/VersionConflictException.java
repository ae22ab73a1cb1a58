package io.vertebra.kit.live;

/** A write was based on a version that is no longer current: nothing was written; {@link #current()} is stored. */
public final class VersionConflictException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient LiveRecord current;
  private final long expected;

  public VersionConflictException(LiveRecord current, long expected) {
    super("Record " + current.id() + " is at version " + current.version() + ", not " + expected, null, false,
        false);
    this.current = current;
    this.expected = expected;
  }

  /** The record as it is now. */
  public LiveRecord current() {
    return current;
  }

  /** The version the write was based on. */
  public long expected() {
    return expected;
  }
}
