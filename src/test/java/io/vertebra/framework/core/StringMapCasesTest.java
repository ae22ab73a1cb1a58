package io.vertebra.framework.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.framework.suite.StringMapCases;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JVM edition of StringMap against the table the browser suite runs for the browser edition. */
class StringMapCasesTest {

  @Test
  @DisplayName("the JVM StringMap answers every shared case as a LinkedHashMap does")
  void jvmEditionPassesTheSharedCases() {
    assertEquals(List.of(), StringMapCases.failures());
  }
}
