package io.vertebra.kit.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * What is wrong with a piece of JSON, in the parser's words minus its internals: Jackson names its own classes,
 * features and limits in some messages ({@code `com.fasterxml...JsonNode`},
 * {@code StreamReadConstraints.getMaxNestingDepth()}), which a client has no use for and should not learn. Used
 * by every endpoint that explains a JSON parse error (the REST API, the console's event creator).
 */
public final class JsonProblems {

  private JsonProblems() {}

  /** The problem, with where it is (line, column) when the parser knows. */
  public static String describe(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "it is nested too deeply or a value is too large";
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Trailing token")) {
      message = "there is more content after the JSON value";
    }
    message = message.replaceAll("\\s*\\(bound as [^)]*\\)", "").replaceAll("`[^`]*`", "...")
        .replaceAll("(?i)\\b(com|java|javax|org)\\.[\\w.$]+", "...");
    var location = e.getLocation();
    return location == null || location.getLineNr() < 0 ? message
        : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
