package io.vertebra.framework.suite;

/**
 * Where browser checks are registered by name: {@link CheckRunner} runs them in the page; the JVM test that
 * counts the Backbone port only reads their names.
 */
interface Checks {

  /** A check that is done when it returns without throwing. */
  void test(String name, CheckRunner.Check check);

  /** A check that finishes by calling {@code done.pass()} (or failing), possibly later from a callback. */
  void async(String name, CheckRunner.AsyncCheck check);
}
