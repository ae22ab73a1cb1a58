package io.vertebra.channels;

import io.vertebra.channels.apps.AppsConfig;
import io.vertebra.channels.apps.HostedApp;
import io.vertebra.channels.cluster.ClusterOptions;
import io.vertebra.channels.limits.Limits;
import io.vertebra.kit.web.OriginPolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Everything configurable about the channels server besides its credentials: the limits, the optional webhook
 * URL and the optional Redis cluster, read from {@code CHANNELS_*} environment variables (see
 * docs/channels-server.md).
 *
 * @param webhookUrl where to POST webhooks, or null for none
 * @param cluster the Redis that several nodes share, or null for a single node
 * @param origins the pages that may open WebSockets ({@code CHANNELS_ALLOWED_ORIGINS}), or null for the default of
 *     the mode the server runs in ({@link #withDefaultOrigins})
 * @param apps the apps hosted beside the default one ({@code CHANNELS_APPS}), none by default
 */
public record ChannelsOptions(Limits limits, URI webhookUrl, ClusterOptions cluster, OriginPolicy origins,
    List<HostedApp> apps) {

  /** Copies the app list. */
  public ChannelsOptions {
    apps = List.copyOf(apps);
  }

  /** Options hosting only the default app. */
  public ChannelsOptions(Limits limits, URI webhookUrl, ClusterOptions cluster, OriginPolicy origins) {
    this(limits, webhookUrl, cluster, origins, List.of());
  }

  /** Defaults: hosted Pusher's limits, no webhooks, a single node, only the default app. */
  public static ChannelsOptions defaults() {
    return new ChannelsOptions(Limits.defaults(), null, null, null);
  }

  /**
   * Reads the options from environment variables.
   *
   * @throws IllegalArgumentException naming the variable whose value is unusable
   */
  public static ChannelsOptions from(Map<String, String> env) {
    String url = env.get("CHANNELS_WEBHOOK_URL");
    URI webhook = null;
    if (url != null && !url.isBlank()) {
      try {
        webhook = URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        webhook = null;
      }
      if (webhook == null || !("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))
          || webhook.getHost() == null) {
        throw new IllegalArgumentException("CHANNELS_WEBHOOK_URL must be an http(s) URL, got '" + url + "'");
      }
    }
    OriginPolicy origins = null;
    String allowed = env.get("CHANNELS_ALLOWED_ORIGINS");
    if (allowed != null && !allowed.isBlank()) {
      try {
        origins = OriginPolicy.parse(allowed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("CHANNELS_ALLOWED_ORIGINS: " + e.getMessage());
      }
    }
    return new ChannelsOptions(Limits.from(env), webhook, ClusterOptions.from(env), origins, AppsConfig.from(env));
  }

  /** These options with {@code fallback} as the origin policy when {@code CHANNELS_ALLOWED_ORIGINS} is unset. */
  public ChannelsOptions withDefaultOrigins(OriginPolicy fallback) {
    return origins != null ? this : new ChannelsOptions(limits, webhookUrl, cluster, fallback, apps);
  }
}
