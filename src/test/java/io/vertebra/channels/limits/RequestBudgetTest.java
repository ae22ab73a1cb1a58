package io.vertebra.channels.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void admitsTheBudgetThenSaysHowLongToWait() {
    RequestBudget budget = new RequestBudget(3, 0);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, budget.take(0), "request " + i);
    }
    assertEquals(1, budget.take(0), "over the budget: retry after a second");
    assertEquals(0, budget.take(SECOND / 3 + 1), "a third of a second refills one request");
    assertEquals(1, budget.take(SECOND / 3 + 1));
  }

  @Test
  void aSlowBudgetAsksForLongerWaits() {
    RequestBudget budget = new RequestBudget(1, 0);
    assertEquals(0, budget.take(0));
    assertEquals(1, budget.take(0));
    assertEquals(1, budget.take(SECOND / 2), "half a token there: still under a second to go");
    assertEquals(0, budget.take(SECOND));
  }

  @Test
  void neverSavesMoreThanOneSecondsBudget() {
    RequestBudget budget = new RequestBudget(2, 0);
    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      admitted += budget.take(3600 * SECOND) == 0 ? 1 : 0;
    }
    assertEquals(2, admitted);
  }

  @Test
  void zeroMeansNoLimit() {
    RequestBudget budget = new RequestBudget(0, 0);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(0, budget.take(0));
    }
  }

  @Test
  void concurrentRequestsNeverOverspend() throws InterruptedException {
    RequestBudget budget = new RequestBudget(100, 0);
    AtomicInteger admitted = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 1_000; i++) {
          if (budget.take(0) == 0) {
            admitted.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(100, admitted.get());
  }
}
