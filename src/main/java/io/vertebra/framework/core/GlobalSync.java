package io.vertebra.framework.core;

/**
 * The {@link Sync} of every model and collection that has none of its own: the slot {@code Backbone.sync} fills.
 * The {@code sync} package puts its REST implementation here ({@code DefaultSync}); until something does, a
 * request fails with a clear error.
 */
public final class GlobalSync {

  private static Sync sync;

  private GlobalSync() {
  }

  /** The application's Sync, or null when none is set. */
  public static Sync get() {
    return sync;
  }

  /** Replaces the application's Sync (null: none). */
  public static void set(Sync newSync) {
    sync = newSync;
  }

  /** {@code own} when given, else the application's Sync; fails clearly when there is neither. */
  static Sync or(Sync own) {
    if (own != null) {
      return own;
    }
    if (sync == null) {
      throw new IllegalStateException("No Sync configured: call DefaultSync.setTransport(...) or GlobalSync.set(...)");
    }
    return sync;
  }
}
