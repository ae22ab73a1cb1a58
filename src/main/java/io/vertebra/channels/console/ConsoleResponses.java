package io.vertebra.channels.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertebra.channels.protocol.Frames;
import io.vertebra.kit.web.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How the console's endpoints answer: JSON bodies, never cached; errors as {@code {error, message}}. */
final class ConsoleResponses {

  private ConsoleResponses() {}

  /** Answers {@code status} with {@code body}. */
  static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
    byte[] bytes = Frames.stringify(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** Answers an error in the server-wide contract ({@link JsonErrors}). */
  static void error(HttpServletRequest request, HttpServletResponse response, int status, String error,
      String message) throws IOException {
    JsonErrors.write(request, response, status, error, message, null);
  }
}
