package io.vertebra.channels.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiQueryTest {

  @Test
  void namesAreLowerCasedDecodedAndSorted() {
    ApiQuery q = ApiQuery.parse("b=2&Info=user_count%2Csubscription_count&a=%20x&flag");
    assertEquals(List.of("a", "b", "flag", "info"), List.copyOf(q.values().keySet()));
    assertEquals("user_count,subscription_count", q.get("info"));
    assertEquals(" x", q.get("a"));
    assertEquals("", q.get("flag"));
    assertNull(q.get("Info"), "only the canonical name is looked up");
  }

  @Test
  void aNameRepeatedInAnyCaseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ApiQuery.parse("auth_key=a&auth_key=b"));
    assertThrows(IllegalArgumentException.class, () -> ApiQuery.parse("body_md5=a&body_mD5=b"));
    assertThrows(IllegalArgumentException.class, () -> ApiQuery.parse("AUTH_SIGNATURE=a&auth_signature=b"));
    assertThrows(IllegalArgumentException.class, () -> ApiQuery.of(Map.of("Info", "a", "info", "b")));
  }

  @Test
  void malformedEncodingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ApiQuery.parse("x=%zz"));
  }

  @Test
  void emptyQueries() {
    assertEquals(Map.of(), ApiQuery.parse(null).values());
    assertEquals(Map.of(), ApiQuery.parse("").values());
    assertEquals(Map.of(), ApiQuery.parse("&&").values());
  }
}
