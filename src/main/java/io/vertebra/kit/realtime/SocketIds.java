package io.vertebra.kit.realtime;

import java.util.regex.Pattern;

/** Pusher socket ids ({@code 1234.5678}), as pusher-http-java accepts them for exclusion and authorization. */
public final class SocketIds {

  private static final Pattern SOCKET_ID = Pattern.compile("\\A\\d+\\.\\d+\\z");

  private SocketIds() {}

  /** Whether {@code socketId} has the form pusher-http-java accepts. */
  public static boolean isValid(String socketId) {
    return socketId != null && socketId.length() <= 100 && SOCKET_ID.matcher(socketId).matches();
  }
}
