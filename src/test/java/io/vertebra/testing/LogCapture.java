package io.vertebra.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures what the server logs (Jetty's slf4j implementation, shared by Jetty and our own loggers) while still
 * printing it, so a test can check what an operator would read: that rejected input was not logged as an ERROR with
 * a stack trace, that no secret was logged, that an event worth knowing was. {@link #close()} restores the stream.
 */
public final class LogCapture implements AutoCloseable {

  private final StdErrAppender appender;
  private final PrintStream original;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  /** Starts capturing. */
  public LogCapture() {
    appender = (StdErrAppender) ((JettyLogger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .getAppender();
    original = appender.getStream();
    // A null stream means "System.err at the time of writing"; keep that behaviour for the console copy.
    OutputStream console = original != null ? original : new OutputStream() {
      @Override
      public void write(int b) {
        System.err.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        System.err.write(b, off, len);
      }
    };
    appender.setStream(new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8));
  }

  /** Everything logged since the capture started. */
  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** Forgets what was captured so far. */
  public void clear() {
    synchronized (captured) {
      captured.reset();
    }
  }

  /** Lines logged at ERROR, or with a stack trace ("\tat " frames), or at WARN with an exception. */
  public String noise() {
    StringBuilder out = new StringBuilder();
    for (String line : text().split("\n")) {
      if (line.contains(":ERROR:") || line.contains(" ERROR ") || line.startsWith("\tat ")
          || line.matches("^[a-z]+(\\.[a-zA-Z0-9_$]+)+(Exception|Error)(: .*)?$")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    appender.setStream(original);
  }

  /** Writes to the original stream and to the capture buffer. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final ByteArrayOutputStream second;

    Tee(OutputStream first, ByteArrayOutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        first.write(b, off, len);
      } catch (java.io.IOException e) {
        // the console is best effort
      }
      synchronized (second) {
        second.write(b, off, len);
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      first.flush();
    }
  }
}
