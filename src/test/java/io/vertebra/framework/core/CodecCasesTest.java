package io.vertebra.framework.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.framework.suite.CodecCases;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JVM editions of the JSON parser and URI codec against the table the browser suite runs too. */
class CodecCasesTest {

  @Test
  @DisplayName("the JVM Json and Uris answer every shared codec case as the browser editions must")
  void jvmEditionsPassTheSharedCases() {
    assertEquals(List.of(), CodecCases.failures());
  }
}
