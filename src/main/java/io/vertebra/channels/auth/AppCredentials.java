package io.vertebra.channels.auth;

/** The id, key and secret of the one app this server hosts; the key is public, the secret signs everything. */
public record AppCredentials(String appId, String key, String secret) {

  /** Checks that no part is blank. */
  public AppCredentials {
    if (appId == null || appId.isBlank() || key == null || key.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("app id, key and secret are all required");
    }
  }
}
