package io.vertebra.framework.core;

import static io.vertebra.framework.core.TestSupport.attrs;
import static io.vertebra.framework.core.TestSupport.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The framework's own JSON codec. */
class JsonTest {

  @Test
  @DisplayName("parses every JSON type into maps, lists, strings, doubles, booleans and null")
  void parsesAllTypes() {
    Object value = Json.parse(" {\"s\":\"x\",\"n\":-1.5e2,\"i\":42,\"t\":true,\"f\":false,\"z\":null,"
        + "\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");
    assertEquals(attrs("s", "x", "n", -150.0, "i", 42.0, "t", true, "f", false, "z", null,
        "a", list(1.0, list(), new LinkedHashMap<>()), "o", attrs("k", "v")), value);
    assertInstanceOf(Double.class, ((Map<?, ?>) value).get("i"));
  }

  @Test
  @DisplayName("keeps object key order")
  void keepsKeyOrder() {
    Map<String, Object> map = Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}");
    assertEquals(List.of("z", "a", "m"), List.copyOf(map.keySet()));
  }

  @Test
  @DisplayName("decodes every escape, including unicode escapes and surrogate pairs")
  void decodesEscapes() {
    assertEquals("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
  }

  @Test
  @DisplayName("round-trips through stringify")
  void roundTrips() {
    String text = "{\"title\":\"a \\\"quoted\\\" \\\\ line\\n\",\"n\":[1,2.5,-3],\"ok\":true,\"none\":null}";
    assertEquals(text, Json.stringify(Json.parse(text)));
  }

  @Test
  @DisplayName("prints integral numbers without a fraction, others as Java does, non-finite as null")
  void printsNumbers() {
    assertEquals("[42,-7,0,2.5,1.0E20,null,null,0.1]",
        Json.stringify(list(42.0, -7, -0.0, 2.5, 1e20, Double.NaN, Double.POSITIVE_INFINITY, 0.1f)));
    assertEquals("42", Json.formatNumber(42.0));
    assertEquals("123456789012345", Json.formatNumber(123456789012345.0));
    assertEquals("9007199254740992", Json.formatNumber(9007199254740992.0));
  }

  @Test
  @DisplayName("prints every integral double up to 2^53 exactly as Long.toString does, around int's limits too")
  void printsLargeIntegersExactly() {
    double[] edges = {0, 9, 10, 2147483647.0, 2147483648.0, 4294967296.0, 99999999999.0, 1e15, 9007199254740991.0,
        9007199254740992.0};
    for (double edge : edges) {
      for (double d : new double[] {edge, -edge, edge - 1, 1 - edge}) {
        assertEquals(Long.toString((long) d), Json.formatNumber(d), "for " + d);
      }
    }
    java.util.Random random = new java.util.Random(53);
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextLong() % 9007199254740992L;
      assertEquals(Long.toString(n), Json.formatNumber((double) n));
    }
  }

  @Test
  @DisplayName("escapes control characters and the JavaScript line separators")
  void escapesControlCharacters() {
    assertEquals("\"\\u0001\\u001f\\u2028\"", Json.quote("\u0001\u001f\u2028"));
  }

  @Test
  @DisplayName("writes models and collections as their toJSON")
  void writesModelsAndCollections() {
    Model model = new Model(attrs("id", 1, "t", "x"));
    assertEquals("{\"id\":1,\"t\":\"x\"}", Json.stringify(model));
    assertEquals("[{\"id\":1,\"t\":\"x\"}]", Json.stringify(new Collection<>(list(model))));
  }

  @Test
  @DisplayName("refuses values it cannot represent")
  void refusesUnknownValues() {
    JsonException e = assertThrows(JsonException.class, () -> Json.stringify(new Object()));
    assertTrue(e.getMessage().contains("Cannot write java.lang.Object"), e.getMessage());
  }

  @ParameterizedTest(name = "rejects {0} at position {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\":1,}|7",
      "[1,2|4",
      "{'a':1}|1",
      "01|1",
      "1.|2",
      "-|1",
      "1e|2",
      "tru|0",
      "\"abc|0",
      "\"\\x\"|2",
      "\"\\u12G4\"|5",
      "[1] 2|4",
      "{\"a\" 1}|5",
      "NaN|0",
  })
  @DisplayName("rejects malformed JSON with the position of the error")
  void rejectsMalformed(String text, int position) {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
    assertEquals(position, e.getPosition(), e.getMessage());
    assertTrue(e.getMessage().endsWith("at position " + position), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  @DisplayName("rejects empty text")
  void rejectsEmpty(String text) {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
    assertTrue(e.getMessage().startsWith("Empty JSON text"), e.getMessage());
  }

  @Test
  @DisplayName("rejects raw control characters in strings and absurd nesting")
  void rejectsControlCharactersAndDeepNesting() {
    assertThrows(JsonException.class, () -> Json.parse("\"a\u0001\""));
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("[".repeat(1000)));
    assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
  }

  @Test
  @DisplayName("parseObject and parseArray insist on their type")
  void typedParsers() {
    assertThrows(JsonException.class, () -> Json.parseObject("[1]"));
    assertThrows(JsonException.class, () -> Json.parseArray("{}"));
    assertEquals(list(1.0), Json.parseArray("[1]"));
    assertNull(Json.parse("null"));
  }
}
