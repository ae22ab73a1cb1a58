package io.vertebra.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What no answer to a client may contain, and the shape every refusal must have: no server-side error (5xx), a
 * JSON {@code {error, message}} body on every 4xx, no stack trace or implementation class name, and none of the
 * server's secrets.
 */
final class Leaks {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stack frames, exception class names and our/our libraries' package names. */
  private static final Pattern INTERNALS = Pattern.compile(
      "\\tat |\\bat [a-z]+\\.[a-z]+\\.|[A-Za-z]+(Exception|Error)\\b(?![\"'])|\\b(java|javax|jakarta|io\\.vertebra|"
          + "org\\.eclipse|com\\.fasterxml|com\\.pusher|org\\.h2|org\\.sqlite|com\\.zaxxer|org\\.postgresql)\\.[a-z]");

  private final List<String> secrets;

  /** Checks against these secret values (and their usual encodings, given by the caller). */
  Leaks(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** Problems with a response to a request that the server may accept or refuse; empty when all is well. */
  List<String> problems(int status, String body) {
    return problems(status, body, true);
  }

  /** As {@link #problems(int, String)}; {@code hasBody} false for answers without a body (HEAD, 204, 304). */
  List<String> problems(int status, String body, boolean hasBody) {
    List<String> problems = new ArrayList<>();
    if (status >= 500) {
      problems.add("server error " + status);
    }
    if (status >= 400 && hasBody) {
      String shape = errorShape(body);
      if (shape != null) {
        problems.add(shape);
      }
    }
    problems.addAll(leaks(body));
    return problems;
  }

  /** Secrets and internals found in {@code text} (a response body or a log). */
  List<String> leaks(String text) {
    List<String> problems = new ArrayList<>();
    if (text == null) {
      return problems;
    }
    var internals = INTERNALS.matcher(text);
    if (internals.find()) {
      problems.add("implementation detail in the answer: '" + internals.group() + "'");
    }
    problems.addAll(secretsIn(text));
    return problems;
  }

  /** Which secrets appear in {@code text} (for logs, where class names are fine but secrets are not). */
  List<String> secretsIn(String text) {
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      if (text != null && text.contains(secret)) {
        found.add("a secret appears in the text");
      }
    }
    return found;
  }

  /** Null when {@code body} is a JSON object with textual error and message, else what is wrong. */
  static String errorShape(String body) {
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (Exception e) {
      return "error body is not JSON: " + cut(body);
    }
    if (json == null || !json.isObject() || !json.path("error").isTextual() || !json.path("message").isTextual()
        || json.path("error").asText().isEmpty() || json.path("message").asText().isEmpty()) {
      return "error body is not {error, message}: " + cut(body);
    }
    return null;
  }

  private static String cut(String text) {
    return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
