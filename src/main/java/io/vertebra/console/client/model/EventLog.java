package io.vertebra.console.client.model;

import io.vertebra.framework.core.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live event log, newest first, keeping the last {@link #CAPACITY} entries: older ones are removed (with
 * {@code remove} events) as new ones arrive, so a busy server cannot grow the page without bound.
 */
public class EventLog extends Collection<LogEntry> {

  /** Entries kept. */
  public static final int CAPACITY = 500;

  private double nextSeq;
  private double dropped;

  public EventLog() {
    super((attrs, options) -> new LogEntry(attrs, options));
    setComparator((a, b) -> Double.compare(b.getDouble(LogEntry.SEQ), a.getDouble(LogEntry.SEQ)));
  }

  /** Appends entries in the order they happened; returns the added models. */
  public List<LogEntry> append(List<Map<String, Object>> entries) {
    List<Object> numbered = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      entry.put(LogEntry.SEQ, nextSeq++);
      numbered.add(entry);
    }
    List<LogEntry> added = add(numbered);
    while (length() > CAPACITY) {
      remove(last());
    }
    return added;
  }

  /** Counts entries the server could not publish (it was too busy); triggered as {@code dropped}. */
  public void addDropped(double count) {
    if (count > 0) {
      dropped += count;
      trigger("dropped", dropped);
    }
  }

  /** Entries the server dropped since the page loaded. */
  public double getDropped() {
    return dropped;
  }
}
