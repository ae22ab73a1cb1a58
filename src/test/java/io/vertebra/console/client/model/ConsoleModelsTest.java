package io.vertebra.console.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.console.shared.ConsoleApi;
import io.vertebra.framework.sync.RecordingSync;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's models on the JVM: snapshot parsing and coalesced refreshes, the bounded newest-first log. */
class ConsoleModelsTest {

  @Test
  void snapshotChannelsGoToTheCollectionAndCountsToAttributes() {
    ServerState state = new ServerState();
    RecordingSync sync = new RecordingSync();
    state.setSync(sync);
    state.refresh();
    sync.transport().respondLast("{\"embedded\":true,\"connections\":3,\"truncated\":false,\"channels\":["
        + "{\"name\":\"zeta\",\"type\":\"public\",\"subscriptions\":2},"
        + "{\"name\":\"presence-a\",\"type\":\"presence\",\"subscriptions\":1,\"members\":[{\"id\":\"u1\"}]}]}");
    assertEquals(3, state.getConnections());
    assertFalse(state.has(ConsoleApi.CHANNELS), "the list lives in the collection only");
    assertEquals("presence-a", state.channels().at(0).getName(), "sorted by name");
    assertEquals(List.of("u1"), state.channels().at(0).getMemberIds());
    assertTrue(state.channels().at(0).isPresence());
    assertEquals(2, state.channels().get("zeta").getSubscriptions());
    assertEquals(ConsoleApi.SNAPSHOT_PATH, sync.request().url());
  }

  @Test
  void refreshesDuringAFetchBecomeOneMoreFetchAfterIt() {
    ServerState state = new ServerState();
    RecordingSync sync = new RecordingSync();
    state.setSync(sync);
    state.refresh();
    state.refresh();
    state.refresh();
    assertEquals(1, sync.calls());
    sync.transport().respondLast("{\"connections\":1,\"channels\":[]}");
    assertEquals(2, sync.calls(), "one more fetch for the refreshes asked meanwhile");
    sync.transport().respondLast("{\"connections\":0,\"channels\":[]}");
    assertEquals(2, sync.calls());
    assertEquals(0, state.getConnections());
  }

  @Test
  void theLogKeepsTheNewestEntriesFirstAndIsBounded() {
    EventLog log = new EventLog();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (int i = 0; i < EventLog.CAPACITY + 3; i++) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(ConsoleApi.KIND, ConsoleApi.CONNECTED);
      entry.put(ConsoleApi.SOCKET_ID, "1." + i);
      entries.add(entry);
    }
    log.append(entries);
    assertEquals(EventLog.CAPACITY, log.length());
    assertEquals("1." + (EventLog.CAPACITY + 2), log.first().text(ConsoleApi.SOCKET_ID));
    assertEquals("1.3", log.last().text(ConsoleApi.SOCKET_ID), "the three oldest were removed");
  }

  @Test
  void onlyConnectionAndSubscriptionEntriesChangeTheSnapshot() {
    assertTrue(entry(ConsoleApi.SUBSCRIBED).changesState());
    assertTrue(entry(ConsoleApi.DISCONNECTED).changesState());
    assertFalse(entry(ConsoleApi.API_EVENT).changesState());
    assertFalse(entry(ConsoleApi.REJECTED).changesState());
  }

  private static LogEntry entry(String kind) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(ConsoleApi.KIND, kind);
    return new LogEntry(attrs, null);
  }
}
