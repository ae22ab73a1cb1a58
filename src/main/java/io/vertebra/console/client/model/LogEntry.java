package io.vertebra.console.client.model;

import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.core.Model;
import io.vertebra.framework.core.Options;
import io.vertebra.framework.core.Values;
import java.util.Map;

/**
 * One line of the live event log, as the server published it ({@code kind}, {@code time}, and as the kind has them
 * {@code channel}, {@code socketId}, {@code userId}, {@code event}, {@code data}, {@code status}, {@code message}),
 * plus {@code seq}, its arrival order. Everything here came from clients or API callers: render it escaped.
 */
public class LogEntry extends Model {

  /** The arrival order attribute (newest first in the log). */
  public static final String SEQ = "seq";

  public LogEntry(Map<String, ?> attributes, Options options) {
    super(attributes, options);
  }

  public String getKind() {
    return text(ConsoleApi.KIND);
  }

  public double getTime() {
    Double time = getDouble(ConsoleApi.TIME);
    return time == null ? 0 : time;
  }

  /** Whether this entry changes what the snapshot shows (connections, subscriptions). */
  public boolean changesState() {
    String kind = getKind();
    return kind.equals(ConsoleApi.CONNECTED) || kind.equals(ConsoleApi.DISCONNECTED)
        || kind.equals(ConsoleApi.SUBSCRIBED) || kind.equals(ConsoleApi.UNSUBSCRIBED);
  }

  /** A field as text: "" when absent, integral numbers without ".0". */
  public String text(String field) {
    return Values.asText(get(field));
  }
}
