package io.vertebra.console.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.console.client.model.LogEntry;
import io.vertebra.console.shared.ConsoleApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How log entries read. */
class LogLinesTest {

  /** 1970-01-02T08:05:09.007Z in epoch milliseconds: not the first day, to check the date is cut off. */
  private static final double AT_08_05_09_007 = 86_400_000d + 8 * 3_600_000d + 5 * 60_000d + 9_000d + 7;

  @Test
  void timeOfDayInUtcWithMilliseconds() {
    assertEquals("08:05:09.007", LogLines.time(AT_08_05_09_007));
    assertEquals("00:00:00.000", LogLines.time(0));
  }

  @Test
  void summariesNameWhatWhereAndWho() {
    assertEquals("post:change on post-1 except 1.2", LogLines.summary(entry(ConsoleApi.API_EVENT,
        ConsoleApi.EVENT, "post:change", ConsoleApi.CHANNEL, "post-1", ConsoleApi.SOCKET_ID, "1.2")));
    assertEquals("presence-x socket 1.2 user u7", LogLines.summary(entry(ConsoleApi.SUBSCRIBED,
        ConsoleApi.CHANNEL, "presence-x", ConsoleApi.SOCKET_ID, "1.2", ConsoleApi.USER_ID, "u7")));
    assertEquals("private-y socket 1.2 status 401 — Invalid signature", LogLines.summary(entry(ConsoleApi.REJECTED,
        ConsoleApi.CHANNEL, "private-y", ConsoleApi.SOCKET_ID, "1.2", ConsoleApi.STATUS, 401.0,
        ConsoleApi.MESSAGE, "Invalid signature")));
  }

  private static LogEntry entry(String kind, Object... fields) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(ConsoleApi.KIND, kind);
    for (int i = 0; i < fields.length; i += 2) {
      attrs.put((String) fields[i], fields[i + 1]);
    }
    return new LogEntry(attrs, null);
  }
}
