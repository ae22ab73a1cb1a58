package io.vertebra.framework.realtime;

import io.vertebra.framework.core.Events;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Records every event an {@link Events} object triggers (through "all"), as "name arg1 arg2" lines. */
final class EventLog {

  private final List<String> lines = new ArrayList<>();
  private final List<Object[]> args = new ArrayList<>();

  /** Starts recording {@code source}'s events. */
  static EventLog of(Events source) {
    EventLog log = new EventLog();
    source.on("all", a -> {
      log.lines.add(line(a));
      log.args.add(a);
    });
    return log;
  }

  List<String> lines() {
    return lines;
  }

  /** The lines whose event name is {@code name}. */
  List<String> named(String name) {
    List<String> result = new ArrayList<>();
    for (String line : lines) {
      if (line.equals(name) || line.startsWith(name + " ")) {
        result.add(line);
      }
    }
    return result;
  }

  /** The arguments (without the event name) of the last event called {@code name}. */
  Object[] lastArgs(String name) {
    for (int i = args.size() - 1; i >= 0; i--) {
      if (args.get(i)[0].equals(name)) {
        return Arrays.copyOfRange(args.get(i), 1, args.get(i).length);
      }
    }
    throw new AssertionError("No event " + name + " in " + lines);
  }

  void clear() {
    lines.clear();
    args.clear();
  }

  private static String line(Object[] a) {
    StringBuilder out = new StringBuilder();
    for (Object o : a) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(o);
    }
    return out.toString();
  }
}
