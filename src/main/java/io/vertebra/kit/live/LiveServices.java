package io.vertebra.kit.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertebra.kit.realtime.EventTrigger;
import io.vertebra.kit.store.Database;
import java.time.Clock;

/**
 * What live resources run on, shared by all of an app's resources: its {@link Database} (their tables live there),
 * its realtime {@link EventTrigger}, a JSON mapper and the clock of {@code createdAt}/{@code updatedAt}.
 */
public record LiveServices(Database database, EventTrigger events, ObjectMapper mapper, Clock clock) {

  /** The app's database and trigger, with a new mapper and the system clock. */
  public static LiveServices of(Database database, EventTrigger events) {
    return new LiveServices(database, events, new ObjectMapper(), Clock.systemUTC());
  }

  /** The same services with another clock (tests). */
  public LiveServices withClock(Clock other) {
    return new LiveServices(database, events, mapper, other);
  }
}
