package io.vertebra.channels.channel;

/**
 * The kinds of channel, told apart by name prefix as in Pusher. Cache channels ({@code cache-},
 * {@code private-cache-}, {@code private-encrypted-cache-}, {@code presence-cache-}) are the same kinds with
 * {@link ChannelNames#isCache(String)} set.
 */
public enum ChannelType {
  /** Anyone may subscribe; no client events. */
  PUBLIC,
  /** {@code private-}: subscription needs a signature from the app's auth endpoint. */
  PRIVATE,
  /** {@code private-encrypted-}: like private; payloads are end-to-end encrypted, the server only relays. */
  ENCRYPTED,
  /** {@code presence-}: like private, plus a roster of signed-in members. */
  PRESENCE,
  /** {@code #server-to-user-{id}}: reserved for one signed-in user. */
  USER;

  /** The type of the channel called {@code name}. */
  public static ChannelType of(String name) {
    if (name.startsWith("private-encrypted-")) {
      return ENCRYPTED;
    }
    if (name.startsWith("private-")) {
      return PRIVATE;
    }
    if (name.startsWith("presence-")) {
      return PRESENCE;
    }
    if (name.startsWith(ChannelNames.USER_CHANNEL_PREFIX)) {
      return USER;
    }
    return PUBLIC;
  }

  /** Whether subscribing needs an auth signature. */
  public boolean needsAuth() {
    return this == PRIVATE || this == ENCRYPTED || this == PRESENCE;
  }

  /** Whether clients may send client events on it (encrypted channels do not allow them). */
  public boolean allowsClientEvents() {
    return this == PRIVATE || this == PRESENCE;
  }
}
