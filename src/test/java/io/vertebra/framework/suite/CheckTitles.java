package io.vertebra.framework.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The names the browser suite's Backbone port registers, read on the JVM without running a check (nor touching
 * the DOM): how BackbonePortTest counts test/view.js, which runs in Chromium.
 */
public final class CheckTitles implements Checks {

  private final List<String> names = new ArrayList<>();

  private CheckTitles() {
  }

  /** The names of {@link BackboneViewChecks}, in order. */
  public static List<String> ofBackboneViewPort() {
    CheckTitles titles = new CheckTitles();
    BackboneViewChecks.register(titles);
    return titles.names;
  }

  @Override
  public void test(String name, CheckRunner.Check check) {
    names.add(name);
  }

  @Override
  public void async(String name, CheckRunner.AsyncCheck check) {
    names.add(name);
  }
}
