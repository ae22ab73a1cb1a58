package io.vertebra.channels.apps;

import io.vertebra.channels.auth.AppCredentials;
import io.vertebra.channels.limits.Limits;
import io.vertebra.channels.webhook.Webhook;
import io.vertebra.kit.web.OriginPolicy;
import java.util.List;

/**
 * One app the channels server hosts, as configured: its credentials, its limits, its webhooks and the pages that may
 * open its sockets.
 *
 * @param origins the app's own {@code allowed_origins}, or null for the server's ({@code CHANNELS_ALLOWED_ORIGINS}
 *     or the mode's default)
 */
public record HostedApp(AppCredentials credentials, Limits limits, List<Webhook> webhooks, OriginPolicy origins) {

  /** Copies the webhook list. */
  public HostedApp {
    webhooks = List.copyOf(webhooks);
  }
}
