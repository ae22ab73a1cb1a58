package io.vertebra.framework.realtime;

/**
 * Decides what a realtime change does to a model, from versions alone: the server increments a record's
 * {@code version} on every write, so a notification is useful only when it is newer than both what the model
 * holds and what a fetch already asked for.
 */
final class VersionRule {

  /** What to do with one change notification. */
  enum Action {
    /** Set the event's data on the model: it carries the whole, newer record. */
    SET,
    /** Fetch the model: the event only says that a newer version exists. */
    FETCH,
    /** Nothing: stale, a duplicate, or already being fetched. */
    IGNORE
  }

  private VersionRule() {
  }

  /**
   * @param held the version the model holds (null: unknown, e.g. never loaded)
   * @param incoming the event's version (null: the event carries none)
   * @param fullRecord whether the event carries the record, not just {@code {id, version}}
   * @param requested the newest version a fetch started by a previous event is bringing (null: none)
   */
  static Action decide(Double held, Double incoming, boolean fullRecord, Double requested) {
    if (incoming == null) {
      // Without a version nothing can be called stale: take the record, or fetch it.
      return fullRecord ? Action.SET : Action.FETCH;
    }
    if (held != null && incoming <= held) {
      return Action.IGNORE;
    }
    if (fullRecord) {
      return Action.SET;
    }
    return requested != null && incoming <= requested ? Action.IGNORE : Action.FETCH;
  }

  /** A version attribute as a number, or null when absent or not a number. */
  static Double version(Object value) {
    return value instanceof Number ? ((Number) value).doubleValue() : null;
  }
}
