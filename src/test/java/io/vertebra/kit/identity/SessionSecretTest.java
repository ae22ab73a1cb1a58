package io.vertebra.kit.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the session signing key comes from: SESSION_SECRET for a fleet of nodes, else a file per DATA_DIR. */
class SessionSecretTest {

  private static final String SHARED = "0f1e2d3c4b5a69788796a5b4c3d2e1f0".repeat(2);
  private static final User ANN = new User("u0011223344556677", "Ann", "#1f77b4");

  @TempDir
  Path node1;

  @TempDir
  Path node2;

  @Test
  @DisplayName("without SESSION_SECRET each DATA_DIR gets its own key file, reused on restart")
  void perDataDirKey() throws Exception {
    byte[] first = SessionSecret.load(null, node1);
    assertTrue(Files.exists(node1.resolve(SessionSecret.FILE_NAME)));
    assertArrayEquals(first, SessionSecret.load(null, node1));
    assertFalse(java.util.Arrays.equals(first, SessionSecret.load(null, node2)), "another node, another key");
  }

  @Test
  @DisplayName("with SESSION_SECRET the key is the secret, no file is written, and nodes accept each other's tokens")
  void sharedSecret() throws Exception {
    assertArrayEquals(SHARED.getBytes(StandardCharsets.UTF_8), SessionSecret.load(SHARED, node1));
    assertFalse(Files.exists(node1.resolve(SessionSecret.FILE_NAME)));
    ObjectMapper mapper = new ObjectMapper();
    SessionCodec one = new SessionCodec(SessionSecret.load(SHARED, node1), mapper, Clock.systemUTC(),
        Duration.ofDays(1));
    SessionCodec two = new SessionCodec(SessionSecret.load(SHARED, node2), mapper, Clock.systemUTC(),
        Duration.ofDays(1));
    assertEquals(Optional.of(ANN), two.decode(one.encode(new Session("s1", ANN))).map(Session::user));
  }
}
