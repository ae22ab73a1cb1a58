package io.vertebra.framework.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferQueueTest {

  @Test
  void deferredTasksWaitForFlushAndRunInOrderWithThoseTheyDefer() {
    DeferQueue queue = new DeferQueue().install();
    try {
      List<String> ran = new ArrayList<>();
      Defer.run(() -> {
        ran.add("a");
        Defer.run(() -> ran.add("c"));
      });
      Defer.run(() -> ran.add("b"));
      assertEquals(List.of(), ran);
      assertEquals(2, queue.pending());
      assertEquals(3, queue.flush());
      assertEquals(List.of("a", "b", "c"), ran);
    } finally {
      queue.uninstall();
    }
  }
}
