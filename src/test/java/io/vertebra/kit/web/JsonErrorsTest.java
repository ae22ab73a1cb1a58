package io.vertebra.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesErrorAndMessageThenTheExtraMembers() {
    ObjectNode extra = mapper.createObjectNode().put("field", "title");
    assertEquals("{\"error\":\"invalid\",\"message\":\"title is required\",\"field\":\"title\"}",
        JsonErrors.text("invalid", "title is required", extra));
  }

  @Test
  void extraMembersNeverReplaceTheCodeOrTheMessage() {
    ObjectNode extra = mapper.createObjectNode().put("error", "other").put("message", "other");
    assertEquals("{\"error\":\"conflict\",\"message\":\"stale\"}", JsonErrors.text("conflict", "stale", extra));
  }

  @Test
  void escapesMarkupSoAnEchoedInputCannotBeSniffedAsHtml() throws Exception {
    String text = JsonErrors.text("not_found", "No such URL: /api/<script>&", null);
    assertEquals("{\"error\":\"not_found\",\"message\":\"No such URL: /api/\\u003Cscript\\u003E\\u0026\"}", text);
    assertEquals("No such URL: /api/<script>&", mapper.readTree(text).get("message").asText());
  }
}
