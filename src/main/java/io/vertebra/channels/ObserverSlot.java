package io.vertebra.channels;

/**
 * Where the server finds its {@link ChannelsObserver}: one observer at a time, {@link ChannelsObserver#NONE} until
 * someone installs one. The hot paths read it once per call ({@link #get()}), so an idle slot costs almost nothing.
 */
public final class ObserverSlot {

  private volatile ChannelsObserver observer = ChannelsObserver.NONE;

  /** The current observer (never null). */
  public ChannelsObserver get() {
    return observer;
  }

  /**
   * Installs {@code next} (null = none).
   *
   * @throws IllegalStateException when another observer is installed already
   */
  public synchronized void install(ChannelsObserver next) {
    if (next != null && observer != ChannelsObserver.NONE && observer != next) {
      throw new IllegalStateException("A channels observer is already installed");
    }
    observer = next == null ? ChannelsObserver.NONE : next;
  }
}
