package io.vertebra.server;

import java.io.PrintStream;
import java.util.regex.Pattern;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * Sends the server's log records to standard output or standard error by level: WARN and ERROR to stderr, the rest
 * to stdout. Jetty's logger writes every record to stderr, and the Maven plugin that runs {@code gwt:devmode} shows
 * each stderr line as a {@code [WARNING]}, so every INFO line of the development console looked like a warning.
 */
final class LevelRoutedLog {

  /** Jetty's record layout: {@code 2026-12-06 20:28:13.945:WARN :logger:thread: message}, stack trace included. */
  private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+ \\S+:(WARN|ERROR)\\s*:");

  private LevelRoutedLog() {}

  /** Routes the records of Jetty's logging (the SLF4J provider in the runnable jar) by level from now on. */
  static void install() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof JettyLogger root
        && root.getAppender() instanceof StdErrAppender appender) {
      appender.setStream(stream(System.out, System.err));
    }
  }

  /** A stream that prints each record to {@code errors} when it is a warning or an error, to {@code rest} otherwise. */
  static PrintStream stream(PrintStream rest, PrintStream errors) {
    return new PrintStream(rest, true) {
      @Override
      public void println(Object record) {
        println(String.valueOf(record));
      }

      @Override
      public void println(String record) {
        (isWarningOrError(record) ? errors : rest).println(record);
      }
    };
  }

  static boolean isWarningOrError(String record) {
    return WARN_OR_ERROR.matcher(record).find();
  }
}
