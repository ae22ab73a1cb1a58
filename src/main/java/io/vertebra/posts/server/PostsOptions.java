package io.vertebra.posts.server;

import java.time.Clock;

/**
 * Tunables of the posts backend that are not deployment configuration.
 *
 * @param maxBodyBytes the largest request body of the identity endpoints (the posts API's is the resource's)
 * @param clock the source of createdAt/updatedAt and session expiry
 */
public record PostsOptions(int maxBodyBytes, Clock clock) {

  /** {@link PostResource#MAX_BODY_BYTES} and the system clock. */
  public static PostsOptions defaults() {
    return new PostsOptions(PostResource.MAX_BODY_BYTES, Clock.systemUTC());
  }
}
