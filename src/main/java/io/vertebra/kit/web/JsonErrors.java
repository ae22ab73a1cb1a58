package io.vertebra.kit.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one place that writes the server's JSON error answer: {@code {"error": code, "message": text}}, where
 * {@code error} is a short machine-readable code ({@code not_found}, {@code conflict}, ...) a client may branch on and
 * {@code message} is a sentence for humans. An endpoint may add members (the offending {@code field}, the
 * {@code current} record of a 409), never replace these two.
 *
 * <p>Every answer that is not a success goes through here: the live resources' REST API, identity and pusher auth,
 * the channels server's HTTP API, the console's endpoints, and Jetty's own refusals ({@link JsonErrorHandler}).
 *
 * <pre>{@code
 * JsonErrors.write(request, response, 404, "not_found", "No post with id 7", null);
 * }</pre>
 */
public final class JsonErrors {

  /** The member holding the machine-readable code. */
  public static final String ERROR = "error";
  /** The member holding the human-readable sentence. */
  public static final String MESSAGE = "message";

  /** Escapes {@code <}, {@code >} and {@code &} too, so an error echoing input can never be sniffed as markup. */
  private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory().setCharacterEscapes(new HtmlSafe()));

  private JsonErrors() {}

  /** The error body: {@code error} and {@code message}, then the members of {@code extra} (may be null). */
  public static ObjectNode body(String error, String message, ObjectNode extra) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put(ERROR, error);
    body.put(MESSAGE, message);
    if (extra != null) {
      extra.fields().forEachRemaining(member -> {
        if (!body.has(member.getKey())) {
          body.set(member.getKey(), member.getValue());
        }
      });
    }
    return body;
  }

  /** The error body as JSON text. */
  public static String text(String error, String message, ObjectNode extra) {
    try {
      return MAPPER.writeValueAsString(body(error, message, extra));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /**
   * Answers {@code status} with the error body, never cached, after draining what is left of the request body
   * ({@link RefusedBodies}) so a kept-alive connection survives the refusal. Does nothing once the response is
   * committed (the status can no longer change).
   */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String error,
      String message, ObjectNode extra) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    RefusedBodies.drain(request, response);
    byte[] bytes = text(error, message, extra).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** Jackson's standard escapes plus {@code \u003c}, {@code \u003e} and {@code \u0026}. */
  private static final class HtmlSafe extends CharacterEscapes {
    private final int[] escapes = standardAsciiEscapesForJSON();

    HtmlSafe() {
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
