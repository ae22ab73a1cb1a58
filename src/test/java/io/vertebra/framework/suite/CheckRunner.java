package io.vertebra.framework.suite;

import com.google.gwt.core.client.GWT;
import com.google.gwt.core.client.Scheduler;
import com.google.gwt.dom.client.Document;
import com.google.gwt.dom.client.Element;
import com.google.gwt.user.client.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs named checks one after another in the browser and writes each outcome into the page, where
 * BrowserSuiteIT reads it: {@code <li class="check" data-name=... data-status="passed|failed">} per check and
 * {@code <div id="summary" data-done="true" data-total data-passed data-failed>} at the end.
 */
final class CheckRunner implements Checks {

  /** A check that finishes by calling {@link Done#pass()} (or failing), possibly later from a callback. */
  interface AsyncCheck {
    void run(Done done) throws Exception;
  }

  /** A check that is done when it returns without throwing. */
  interface Check {
    void run() throws Exception;
  }

  /** Code run inside a callback of an async check: a throw fails the check. */
  interface Step {
    void run() throws Exception;
  }

  private static final int TIMEOUT_MILLIS = 10000;

  private final List<String> names = new ArrayList<>();
  private final List<AsyncCheck> checks = new ArrayList<>();
  private final Element list = Document.get().createULElement();
  private final Element summary = Document.get().createDivElement();
  private int next;
  private int passed;
  private int failed;
  private Done current;

  CheckRunner() {
    list.setId("checks");
    summary.setId("summary");
    Document.get().getBody().appendChild(summary);
    Document.get().getBody().appendChild(list);
    // Exceptions escaping a DOM or HTTP callback fail the running check instead of vanishing.
    GWT.setUncaughtExceptionHandler(e -> {
      if (current != null) {
        current.fail(e);
      }
    });
  }

  @Override
  public void test(String name, Check check) {
    async(name, done -> {
      check.run();
      done.pass();
    });
  }

  @Override
  public void async(String name, AsyncCheck check) {
    names.add(name);
    checks.add(check);
  }

  void start() {
    summary.setAttribute("data-total", String.valueOf(checks.size()));
    runNext();
  }

  private void runNext() {
    if (next == checks.size()) {
      summary.setAttribute("data-passed", String.valueOf(passed));
      summary.setAttribute("data-failed", String.valueOf(failed));
      summary.setAttribute("data-done", "true");
      summary.setInnerText(passed + " passed, " + failed + " failed");
      return;
    }
    int index = next++;
    Done done = new Done(names.get(index));
    current = done;
    done.timer.schedule(TIMEOUT_MILLIS);
    try {
      checks.get(index).run(done);
    } catch (Throwable e) {
      done.fail(e);
    }
  }

  private void record(String name, String status, String message) {
    Element item = Document.get().createLIElement();
    item.setClassName("check");
    item.setAttribute("data-name", name);
    item.setAttribute("data-status", status);
    item.setInnerText(message == null ? name : name + ": " + message);
    list.appendChild(item);
  }

  /** The outcome of one check; only its first pass or fail counts. */
  final class Done {

    private final String name;
    private boolean finished;
    private final Timer timer = new Timer() {
      @Override
      public void run() {
        fail(new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms"));
      }
    };

    Done(String name) {
      this.name = name;
    }

    void pass() {
      finish("passed", null);
    }

    void fail(Throwable e) {
      finish("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Runs {@code step} (assertions in a callback), failing the check if it throws. */
    void step(Step step) {
      if (finished) {
        return;
      }
      try {
        step.run();
      } catch (Throwable e) {
        fail(e);
      }
    }

    private void finish(String status, String message) {
      if (finished) {
        return;
      }
      finished = true;
      timer.cancel();
      if ("passed".equals(status)) {
        passed++;
      } else {
        failed++;
      }
      record(name, status, message);
      // Next check on a fresh stack, after the current callback has fully returned.
      Scheduler.get().scheduleDeferred(CheckRunner.this::runNext);
    }
  }
}
