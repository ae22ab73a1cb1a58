package io.vertebra.framework.suite;

import java.util.Objects;

/** Assertions for browser checks (JUnit does not compile to JavaScript); a failure throws AssertionError. */
final class Expect {

  private Expect() {
  }

  static void equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      throw new AssertionError(what + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }

  static void isTrue(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  /** A JSON number (Double in the browser) or anything else compared as an int. */
  static void equalInt(int expected, Object actual, String what) {
    isTrue(actual instanceof Number && ((Number) actual).intValue() == expected,
        what + ": expected <" + expected + "> but was <" + actual + ">");
  }

  static AssertionError fail(String what) {
    return new AssertionError(what);
  }
}
