package io.vertebra.posts.server;

import java.time.Clock;

/**
 * Tunables of the posts backend that are not deployment configuration.
 *
 * @param maxBodyBytes the largest request body accepted (larger ones get 413); must fit a maximal post as JSON
 * @param clock the source of createdAt/updatedAt and session expiry
 */
public record PostsOptions(int maxBodyBytes, Clock clock) {

  /** 256 KiB: room for a maximal post (20,000 characters of up to 3 UTF-8 bytes, escaped) and nothing silly. */
  public static PostsOptions defaults() {
    return new PostsOptions(256 * 1024, Clock.systemUTC());
  }
}
