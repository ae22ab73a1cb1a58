package io.vertebra.channels.apps;

/** {@code CHANNELS_APPS} cannot be used as given; the message names the app and the setting at fault. */
public final class AppsConfigException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** An error saying what is wrong and where. */
  public AppsConfigException(String message) {
    super(message);
  }
}
