package io.vertebra.kit.server;

import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.ops.HealthCheck;
import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.web.BodyGate;
import java.util.ArrayList;
import java.util.List;

/** What the modules added while they were installed, for the parts the server wires after them. */
final class Contributions {

  final List<ChannelPolicy> policies = new ArrayList<>();
  final List<MetricSource> metrics = new ArrayList<>();
  final List<HealthCheck> checks = new ArrayList<>();
  final List<BodyGate.Limit> bodyLimits = new ArrayList<>();
  final List<AutoCloseable> closeOnStop = new ArrayList<>();

  /**
   * Allowed when any module's policy allows; else the first refusal (with no policy, every channel is refused).
   * Reads the policies when asked, so it can be handed out before the modules add theirs.
   */
  ChannelPolicy channelPolicy() {
    List<ChannelPolicy> all = policies;
    return (user, channel) -> {
      String refusal = "No app on this server uses channel " + channel;
      for (ChannelPolicy policy : all) {
        String answer = policy.refusal(user, channel);
        if (answer == null) {
          return null;
        }
        if (policy == all.get(0)) {
          refusal = answer;
        }
      }
      return refusal;
    };
  }
}
