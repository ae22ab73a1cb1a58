package io.vertebra.channels;

import io.vertebra.channels.apps.AppsConfig;
import io.vertebra.kit.web.OriginPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The apps one channels server hosts, found by key (sockets connect to {@code /app/{key}}) or by id (the HTTP API is
 * {@code /apps/{id}/...}). Each app is a separate {@link ChannelsApp}: nothing (channels, presence, users, limits,
 * webhooks, counters) is shared between two apps. The first app is the default one (CHANNELS_APP_ID/KEY/SECRET).
 */
public final class AppDirectory {

  private final List<ChannelsApp> apps;
  private final Map<String, ChannelsApp> byKey = new LinkedHashMap<>();
  private final Map<String, ChannelsApp> byId = new LinkedHashMap<>();
  private final Map<String, OriginPolicy> origins = new LinkedHashMap<>();

  /**
   * A directory of {@code apps} (the default first), each allowing the pages its entry in {@code origins} names.
   *
   * @throws io.vertebra.channels.apps.AppsConfigException when two apps share an id or a key
   */
  public AppDirectory(List<ChannelsApp> apps, Map<String, OriginPolicy> originsById) {
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("a channels server hosts at least one app");
    }
    AppsConfig.checkDistinct(apps.stream().map(ChannelsApp::credentials).toList());
    this.apps = List.copyOf(apps);
    for (ChannelsApp app : apps) {
      byKey.put(app.credentials().key(), app);
      byId.put(app.credentials().appId(), app);
      origins.put(app.credentials().appId(), originsById.getOrDefault(app.credentials().appId(), OriginPolicy.any()));
    }
  }

  /** A directory of one app open to pages of any origin. */
  public static AppDirectory of(ChannelsApp app) {
    return new AppDirectory(List.of(app), Map.of());
  }

  /** The app whose key is {@code key}, or null. */
  public ChannelsApp byKey(String key) {
    return byKey.get(key);
  }

  /** The app whose id is {@code id}, or null. */
  public ChannelsApp byId(String id) {
    return byId.get(id);
  }

  /** The pages that may open sockets to {@code app}. */
  public OriginPolicy origins(ChannelsApp app) {
    return origins.get(app.credentials().appId());
  }

  /** The default app (CHANNELS_APP_ID/KEY/SECRET), always hosted. */
  public ChannelsApp defaultApp() {
    return apps.get(0);
  }

  /** Every app, the default first. */
  public List<ChannelsApp> all() {
    return apps;
  }

  /** The hosted apps for the startup banner: ids and keys (public), never a secret. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (ChannelsApp app : apps) {
      out.append(out.length() == 0 ? "" : ", ").append(app.credentials().appId()).append(" (key ")
          .append(app.credentials().key()).append(app == defaultApp() ? ", default)" : ")");
    }
    return out.toString();
  }
}
