package io.vertebra.kit.identity;

/**
 * Which private and presence channels a signed-in user may join: the app's rule, asked by {@code /pusher/auth} before
 * it signs a subscription. Refuse everything the app does not use (other users' channels, encrypted channels, made-up
 * names): pusher-js asks for whatever a page's script names.
 */
@FunctionalInterface
public interface ChannelPolicy {

  /** Null when {@code user} may join {@code channel}, else the reason why not (the answer is a 403 saying it). */
  String refusal(User user, String channel);
}
