package io.vertebra.framework.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertebra.framework.core.Collection;
import io.vertebra.framework.core.Defer;
import io.vertebra.framework.core.DeferQueue;
import io.vertebra.framework.core.Events;
import io.vertebra.framework.core.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A burst of requests in one turn costs one run: what keeps toggle-all from redrawing TodoMVC's footer 100 times. */
class OncePerTurnTest {

  // Tasks wait here until the test ends the turn with flush(), the JVM's stand-in for an event handler returning.
  private final DeferQueue turn = new DeferQueue();
  private Defer.Scheduler before;
  private int runs;

  @BeforeEach
  void installQueue() {
    before = EndOfTurn.setScheduler(turn);
  }

  @AfterEach
  void uninstallQueue() {
    EndOfTurn.setScheduler(before);
  }

  @Test
  @DisplayName("100 change:completed events in one turn: one render, at the end of the turn")
  void burstOfModelEventsCostsOneRun() {
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      models.add(new Model(Map.of("id", i, "completed", false)));
    }
    Collection<Model> todos = new Collection<>(models);
    OncePerTurn footer = new OncePerTurn(() -> runs++);
    new Events().listenTo(todos, "change:completed", args -> footer.request());

    for (Model todo : todos) {
      todo.set("completed", true);
    }

    assertEquals(0, runs, "nothing runs before the turn ends");
    assertTrue(footer.pending());
    assertEquals(1, turn.pending(), "one scheduled run for the whole burst");
    turn.flush();
    assertEquals(1, runs);
    assertFalse(footer.pending());
  }

  @Test
  @DisplayName("flush() runs a pending task now; its scheduled run then does nothing")
  void flushRunsNowAndOnlyOnce() {
    OncePerTurn task = new OncePerTurn(() -> runs++);
    task.flush();
    assertEquals(0, runs, "nothing pending, nothing to run");
    task.request();
    task.flush();
    assertEquals(1, runs);
    turn.flush();
    assertEquals(1, runs);
  }

  @Test
  @DisplayName("a request made while the task runs asks for another run instead of being absorbed")
  void requestFromTheTaskItselfIsNotLost() {
    OncePerTurn[] task = new OncePerTurn[1];
    task[0] = new OncePerTurn(() -> {
      if (++runs == 1) {
        task[0].request();
      }
    });
    task[0].request();
    turn.flush();
    assertEquals(2, runs);
  }

  @Test
  @DisplayName("the next turn's request runs again")
  void eachTurnRunsOnce() {
    OncePerTurn task = new OncePerTurn(() -> runs++);
    task.request();
    task.request();
    turn.flush();
    task.request();
    turn.flush();
    assertEquals(2, runs);
  }

  @Test
  @DisplayName("on the JVM, with no scheduler set, a request runs at once (deterministic, no event loop to wait for)")
  void jvmDefaultRunsAtOnce() {
    Defer.Scheduler previous = EndOfTurn.setScheduler(null);
    try {
      OncePerTurn task = new OncePerTurn(() -> runs++);
      task.request();
      assertEquals(1, runs);
      assertFalse(task.pending());
      task.request();
      assertEquals(2, runs);
    } finally {
      EndOfTurn.setScheduler(previous);
    }
  }

  @Test
  @DisplayName("a task is required")
  void taskRequired() {
    assertThrows(IllegalArgumentException.class, () -> new OncePerTurn(null));
  }
}
