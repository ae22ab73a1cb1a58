package io.vertebra.posts.server.identity;

import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.shared.PostChannels;

/**
 * Which private and presence channels a signed-in user may join: the presence channel of a post that exists
 * ({@code presence-post-{id}}). Anything else (other users' channels, encrypted channels, made-up names) is refused.
 */
final class ChannelPolicy {

  private final PostStore store;

  ChannelPolicy(PostStore store) {
    this.store = store;
  }

  /** Null when {@code user} may join {@code channel}, else the reason why not. */
  String refusal(User user, String channel) {
    long postId = PostChannels.presencePostId(channel);
    if (postId < 0) {
      return "Channel " + channel + " is not one this app authorizes";
    }
    if (store.find(postId).isEmpty()) {
      return "Post " + postId + " does not exist";
    }
    return null;
  }
}
