package io.vertebra.framework.core;

import io.vertebra.framework.sync.DefaultSync;
import io.vertebra.framework.sync.RecordingSync;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared fixture of the Model and Collection tests: every request goes to a {@link RecordingSync} (Backbone's
 * {@code env.syncArgs} and ajax stub), deferred callbacks wait in {@link #deferred}, and {@link #counter} counts
 * calls, as Backbone's {@code assert.expect} does.
 */
abstract class SyncedTest {

  protected RecordingSync env;
  /** Where deferred callbacks wait until a test flushes them (Backbone's {@code _.defer}). */
  protected final DeferQueue deferred = new DeferQueue();
  protected final int[] count = {0};
  protected final Callback counter = args -> count[0]++;

  @BeforeEach
  void installRecordingSync() {
    env = new RecordingSync();
    DefaultSync.set(env);
    deferred.install();
  }

  @AfterEach
  void restoreDefaultSync() {
    DefaultSync.set(null);
    deferred.uninstall();
  }
}
