package io.vertebra.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards what is left of a request body the server refused (any 4xx/5xx answered before the body was
 * read), up to a bound, before the error is written. Without it the server closes the connection with unread bytes
 * in its receive buffer: the TCP reset can overtake the response, and a client that already reuses the kept-alive
 * connection for its next request sees "no bytes" instead of an answer. Behind {@link BodyGate} (the whole app
 * server) the body is already in memory, so draining never waits for the network.
 */
public final class RefusedBodies {

  /** Beyond this much, the connection is closed after the response instead of drained further. */
  public static final long MAX_DRAIN_BYTES = 1 << 20;

  private RefusedBodies() {}

  /** Drains what is left of {@code request}'s body (bounded); asks for the connection to close when too much. */
  public static void drain(HttpServletRequest request, HttpServletResponse response) {
    long length = request.getContentLengthLong();
    if (length > MAX_DRAIN_BYTES) {
      response.setHeader("Connection", "close");
      return;
    }
    byte[] buffer = new byte[8192];
    long drained = 0;
    try (InputStream in = request.getInputStream()) {
      int n;
      while (drained <= MAX_DRAIN_BYTES && (n = in.read(buffer)) != -1) {
        drained += n;
      }
    } catch (IOException | IllegalStateException e) {
      // The body was already consumed as parameters, or the client went away: nothing left to drain.
    }
    if (drained > MAX_DRAIN_BYTES) {
      response.setHeader("Connection", "close");
    }
  }
}
