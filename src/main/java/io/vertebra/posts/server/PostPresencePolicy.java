package io.vertebra.posts.server;

import io.vertebra.kit.identity.ChannelPolicy;
import io.vertebra.kit.identity.User;
import io.vertebra.posts.server.store.PostStore;
import io.vertebra.posts.shared.PostChannels;

/** Posts' channel rule: a signed-in user may join the presence channel of a post that exists, nothing else. */
final class PostPresencePolicy implements ChannelPolicy {

  private final PostStore store;

  PostPresencePolicy(PostStore store) {
    this.store = store;
  }

  @Override
  public String refusal(User user, String channel) {
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
