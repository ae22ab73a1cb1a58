package io.vertebra.channels.channel;

import java.util.regex.Pattern;

/** Pusher's channel and event name rules. */
public final class ChannelNames {

  /** Prefix of the channel that carries events to one signed-in user. */
  public static final String USER_CHANNEL_PREFIX = "#server-to-user-";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

  private ChannelNames() {}

  /**
   * Why {@code name} is not a valid channel name, or null when it is: only letters, digits and {@code _-=@,.;},
   * at most {@code maxLength} characters ({@code #server-to-user-} channels allowed as a prefix).
   */
  public static String problem(String name, int maxLength) {
    if (name == null || name.isEmpty()) {
      return "Channel name is missing";
    }
    if (name.length() > maxLength) {
      return "Channel name is longer than " + maxLength + " characters";
    }
    String rest = name.startsWith(USER_CHANNEL_PREFIX) ? name.substring(USER_CHANNEL_PREFIX.length()) : name;
    if (rest.isEmpty() || !VALID.matcher(rest).matches()) {
      return "Invalid channel name '" + name + "': only letters, digits and _-=@,.; are allowed";
    }
    return null;
  }

  /** Why {@code name} is not a valid event name, or null when it is (1..maxLength characters). */
  public static String eventProblem(String name, int maxLength) {
    if (name == null || name.isEmpty()) {
      return "Event name is missing";
    }
    if (name.length() > maxLength) {
      return "Event name is longer than " + maxLength + " characters";
    }
    return null;
  }

  /** Whether the channel keeps its last event for new subscribers. */
  public static boolean isCache(String name) {
    return name.startsWith("cache-") || name.startsWith("private-cache-")
        || name.startsWith("private-encrypted-cache-") || name.startsWith("presence-cache-");
  }
}
