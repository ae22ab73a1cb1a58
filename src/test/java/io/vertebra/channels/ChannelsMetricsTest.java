package io.vertebra.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.channel.ChannelListener;
import io.vertebra.channels.channel.RecordingSubscriber;
import io.vertebra.channels.limits.Limits;
import io.vertebra.kit.ops.Exposition;
import io.vertebra.kit.ops.PrometheusText;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} of several apps: each series labelled with its app, subscription counts and watchlists shown. */
class ChannelsMetricsTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private ChannelsApp app(String id, Limits limits) {
    return ChannelsApp.create(new AppCredentials(id, "key-" + id, "secret-of-" + id), limits, ChannelListener.NONE,
        Clock.systemUTC(), timer);
  }

  private static Limits withFeatures() {
    Limits d = Limits.defaults();
    return new Limits(d.maxMessageBytes(), d.maxChannelNameLength(), d.maxEventNameLength(),
        d.maxChannelsPerTrigger(), d.maxBatchSize(), 3, d.maxPresenceMembers(), d.maxUserInfoBytes(),
        d.clientEventsPerSecond(), d.activityTimeoutSeconds(), d.pongTimeoutSeconds(), d.sendQueueFrames(),
        d.sendQueueBytes(), d.maxRequestBytes(), d.maxSubscriptionsPerConnection(), d.maxUserIdLength(),
        d.authorizationTimeoutSeconds(), d.maxConnectionsPerAddress(), d.newConnectionsPerAddressPerSecond(),
        d.memoryLimitPercent(), true, true, 7);
  }

  @Test
  void everySeriesCarriesItsAppAndTheFeaturesOfEachAppShow() {
    ChannelsApp plain = app("plain", Limits.defaults());
    ChannelsApp featured = app("featured", withFeatures());
    plain.channels().subscribe("news", new RecordingSubscriber("1.1"));
    featured.channels().subscribe("news", new RecordingSubscriber("2.1"));
    featured.channels().subscribe("news", new RecordingSubscriber("2.2"));
    RecordingSubscriber watcher = new RecordingSubscriber("2.3");
    featured.watchlists().signedIn(watcher, "ann", List.of("bob"));
    featured.watchlists().signedIn(new RecordingSubscriber("2.4"), "bob", List.of());

    PrometheusText out = new PrometheusText();
    new ChannelsMetrics(List.of(plain, featured)).collect(out);
    Exposition metrics = Exposition.parse(out.toString());

    assertEquals(1, metrics.value("vertebra_channels_subscriptions", "app", "plain"));
    assertEquals(2, metrics.value("vertebra_channels_subscriptions", "app", "featured"));
    assertEquals(1, metrics.value("vertebra_channels_channels", "app", "featured", "type", "public"));
    assertEquals(0, metrics.value("vertebra_channels_subscription_count_enabled", "app", "plain"));
    assertEquals(1, metrics.value("vertebra_channels_subscription_count_enabled", "app", "featured"));
    assertEquals(2, metrics.value("vertebra_channels_subscription_counts_sent_total", "app", "featured"),
        "one count per change of the small channel");
    assertEquals(0, metrics.value("vertebra_channels_subscription_counts_sent_total", "app", "plain"));
    assertEquals(1, metrics.value("vertebra_channels_watchlist_events_enabled", "app", "featured"));
    assertEquals(2, metrics.value("vertebra_channels_watchlist_online_users", "app", "featured"));
    assertEquals(0, metrics.value("vertebra_channels_watchlist_online_users", "app", "plain"));
    assertEquals(2, metrics.value("vertebra_channels_watchlist_events_sent_total", "app", "featured"),
        "ann's state at sign-in, then bob online");
    assertEquals(3, metrics.value("vertebra_channels_max_connections_limit", "app", "featured"));
    assertEquals(7, metrics.value("vertebra_channels_api_requests_per_second_limit", "app", "featured"));
    assertEquals(1, metrics.value("vertebra_channels_admitting_connections"), "the process's, without an app");
  }
}
