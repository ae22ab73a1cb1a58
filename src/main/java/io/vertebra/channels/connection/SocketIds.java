package io.vertebra.channels.connection;

import java.security.SecureRandom;

/** Socket ids in Pusher's form {@code 123456789.987654321}, unguessable so one client cannot act as another. */
public final class SocketIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SocketIds() {}

  /** A fresh socket id. */
  public static String next() {
    return (RANDOM.nextInt(1_000_000_000 - 1) + 1) + "." + (RANDOM.nextInt(1_000_000_000 - 1) + 1);
  }

  /** Whether {@code id} has the socket id form ({@code digits.digits}). */
  public static boolean isValid(String id) {
    return id != null && id.matches("\\d{1,20}\\.\\d{1,20}");
  }
}
