package io.vertebra.console.client.ui;

import io.vertebra.console.client.model.LogEntry;
import io.vertebra.console.shared.ConsoleApi;

/** How a log entry reads: its UTC time of day and a one-line summary of who did what where. */
final class LogLines {

  private LogLines() {}

  /** {@code 08:15:42.123} (UTC) for a time in epoch milliseconds. */
  static String time(double epochMillis) {
    // int, not long: a day's milliseconds fit, and GWT emulates long with a few KB of script.
    int ms = (int) (epochMillis % 86_400_000d);
    return two(ms / 3_600_000) + ":" + two(ms / 60_000 % 60) + ":" + two(ms / 1000 % 60) + "." + three(ms % 1000);
  }

  /** E.g. {@code post:change on post-1 (except 123.456)} or {@code presence-x by 123.456 as user 7}. */
  static String summary(LogEntry entry) {
    StringBuilder text = new StringBuilder();
    append(text, "", entry.text(ConsoleApi.EVENT));
    append(text, entry.text(ConsoleApi.EVENT).isEmpty() ? "" : "on ", entry.text(ConsoleApi.CHANNEL));
    String socket = entry.text(ConsoleApi.SOCKET_ID);
    append(text, ConsoleApi.API_EVENT.equals(entry.getKind()) ? "except " : "socket ", socket);
    append(text, "user ", entry.text(ConsoleApi.USER_ID));
    append(text, "status ", entry.text(ConsoleApi.STATUS));
    append(text, "— ", entry.text(ConsoleApi.MESSAGE));
    return text.toString();
  }

  private static void append(StringBuilder text, String label, String value) {
    if (value.isEmpty()) {
      return;
    }
    if (text.length() > 0) {
      text.append(' ');
    }
    text.append(label).append(value);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static String three(int n) {
    return n < 10 ? "00" + n : n < 100 ? "0" + n : String.valueOf(n);
  }
}
