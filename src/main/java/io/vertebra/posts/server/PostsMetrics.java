package io.vertebra.posts.server;

import io.vertebra.kit.ops.MetricSource;
import io.vertebra.kit.ops.PrometheusText;
import io.vertebra.kit.realtime.TriggerStats;

/** The posts backend's metrics for {@code /metrics}: its realtime triggers (the server adds the database's). */
final class PostsMetrics implements MetricSource {

  private final TriggerStats triggers;

  PostsMetrics(TriggerStats triggers) {
    this.triggers = triggers;
  }

  @Override
  public void collect(PrometheusText out) {
    out.counter("vertebra_posts_triggers_total",
        "Realtime triggers for committed post changes, by outcome (accepted by the realtime service or failed).")
        .sample(triggers.delivered(), "result", "delivered")
        .sample(triggers.failed(), "result", "failed");
    out.gauge("vertebra_posts_triggers_pending", "Realtime triggers sent and not answered yet.")
        .sample(Math.max(0, triggers.attempted() - triggers.delivered() - triggers.failed()));
  }
}
