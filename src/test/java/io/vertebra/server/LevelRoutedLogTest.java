package io.vertebra.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.JettyLoggerConfiguration;
import org.eclipse.jetty.logging.StdErrAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LevelRoutedLogTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @DisplayName("devmode console: Jetty's INFO records go to stdout, WARN and ERROR (with their stack trace) to stderr")
  void recordsGoToTheStreamOfTheirLevel() {
    JettyLogger logger = loggerWritingTo(LevelRoutedLog.stream(print(out), print(err)));
    logger.info("Started the server");
    logger.warn("Slow request", new IllegalStateException("boom"));
    logger.error("Cannot bind");
    logger.info("WARN: a word in a message is not a level");

    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, stdout.lines().count(), stdout);
    assertTrue(stdout.contains("Started the server") && stdout.contains("a word in a message"), stdout);
    assertTrue(stderr.contains("Slow request") && stderr.contains("IllegalStateException: boom")
        && stderr.contains("Cannot bind"), stderr);
    assertTrue(!stderr.contains("Started the server"), stderr);
  }

  private static JettyLogger loggerWritingTo(PrintStream stream) {
    JettyLoggerConfiguration config = new JettyLoggerConfiguration();
    org.eclipse.jetty.logging.JettyLoggerFactory factory = new org.eclipse.jetty.logging.JettyLoggerFactory(config);
    return new JettyLogger(factory, "io.vertebra.test", new StdErrAppender(config, stream));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
