package io.vertebra.posts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.kit.identity.IdentityApi;
import io.vertebra.kit.web.ErrorCodes;
import io.vertebra.posts.shared.ApiErrors;
import io.vertebra.posts.shared.PostApi;
import io.vertebra.posts.shared.SessionFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Posts' GWT client cannot see the server kit, so its shared contract repeats the kit's values: these tests keep the
 * copies equal, so a change on one side cannot silently break the other.
 */
class SharedContractTest {

  @Test
  @DisplayName("posts' ApiErrors holds exactly the kit's error codes")
  void errorCodes() throws IllegalAccessException {
    assertEquals(constants(ErrorCodes.class), constants(ApiErrors.class));
  }

  @Test
  @DisplayName("posts' session fields and identity URLs are the kit's")
  void identity() {
    assertEquals(IdentityApi.ID, SessionFields.ID);
    assertEquals(IdentityApi.NAME, SessionFields.NAME);
    assertEquals(IdentityApi.COLOR, SessionFields.COLOR);
    assertEquals(IdentityApi.NAME_MAX_LENGTH, SessionFields.NAME_MAX_LENGTH);
    assertEquals(IdentityApi.SESSION_PATH, PostApi.SESSION_PATH);
    assertEquals(IdentityApi.SIGN_OUT_EVERYWHERE, PostApi.SIGN_OUT_EVERYWHERE);
    assertEquals(IdentityApi.CHANNEL_AUTH_PATH, PostApi.CHANNEL_AUTH_PATH);
    assertEquals(IdentityApi.USER_AUTH_PATH, PostApi.USER_AUTH_PATH);
  }

  private static Map<String, Object> constants(Class<?> type) throws IllegalAccessException {
    Map<String, Object> values = new TreeMap<>();
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())) {
        values.put(field.getName(), field.get(null));
      }
    }
    return values;
  }
}
