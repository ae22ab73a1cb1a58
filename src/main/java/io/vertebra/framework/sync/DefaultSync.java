package io.vertebra.framework.sync;

import io.vertebra.framework.core.GlobalSync;
import io.vertebra.framework.core.Sync;

/**
 * The application-wide defaults, like {@code Backbone.sync} and {@code Backbone.ajax}: the {@link Sync} models
 * and collections use unless given their own (kept in the core's {@link GlobalSync}, a {@link RestSync} unless
 * replaced), and the {@link Transport} the default {@link RestSync} sends with.
 *
 * <p>Set the transport once at start-up (the browser app installs the RestyGWT one; JVM code the
 * {@code JdkHttpTransport}); until then a request fails with a clear error.
 */
public final class DefaultSync {

  private static Transport transport;

  static {
    if (GlobalSync.get() == null) {
      GlobalSync.set(new RestSync());
    }
  }

  private DefaultSync() {
  }

  /** The Sync used by models and collections that have none of their own. */
  public static Sync get() {
    return GlobalSync.get();
  }

  /** {@code own} when given, else the default Sync: how a model or collection picks its Sync. */
  public static Sync or(Sync own) {
    return own != null ? own : get();
  }

  /** Replaces the default Sync (null restores a {@link RestSync} over the default transport). */
  public static void set(Sync newSync) {
    GlobalSync.set(newSync == null ? new RestSync() : newSync);
  }

  /** The transport a {@link RestSync} without its own uses, or null when none is set. */
  public static Transport transport() {
    return transport;
  }

  /** Sets the transport every {@link RestSync} without its own transport sends with. */
  public static void setTransport(Transport newTransport) {
    transport = newTransport;
  }
}
