package io.vertebra.kit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContributionsTest {

  private static final User ANN = new User("u1", "Ann", "#1f77b4");

  @Test
  @DisplayName("with no module policy every private or presence channel is refused")
  void noPolicyRefusesAll() {
    assertEquals("No app on this server uses channel presence-x",
        new Contributions().channelPolicy().refusal(ANN, "presence-x"));
  }

  @Test
  @DisplayName("a channel any module allows is allowed; otherwise the first module's reason is given")
  void anyModuleAllows() {
    Contributions modules = new Contributions();
    ChannelPolicy combined = modules.channelPolicy(); // handed out before the modules add theirs, as at start
    modules.policies.add((user, channel) -> channel.startsWith("presence-post-") ? null : "not a post");
    modules.policies.add((user, channel) -> channel.equals("presence-todos") ? null : "not the todo list");
    assertNull(combined.refusal(ANN, "presence-post-7"));
    assertNull(combined.refusal(ANN, "presence-todos"));
    assertEquals("not a post", combined.refusal(ANN, "private-other"));
  }
}
