package io.vertebra.kit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class ServerThreadsTest {

  @Test
  void aChannelsOnlyServerHasEightThreadsPerCoreAndAtLeastSixteen() {
    assertEquals(16, ServerThreads.pool(true, 1).getMaxThreads());
    assertEquals(16, ServerThreads.pool(true, 2).getMaxThreads());
    assertEquals(64, ServerThreads.pool(true, 8).getMaxThreads());
  }

  @Test
  void aServerWithAnAppKeepsJettysDefaultPoolForItsBlockingServlets() {
    assertEquals(new QueuedThreadPool().getMaxThreads(), ServerThreads.pool(false, 2).getMaxThreads());
    assertEquals(200, ServerThreads.pool(false, 64).getMaxThreads());
  }
}
