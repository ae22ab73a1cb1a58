package io.vertebra.posts.client.ui;

import io.vertebra.framework.realtime.ConnectionState;
import io.vertebra.framework.realtime.Notifier;

/**
 * The live / reconnecting / offline badge in the header. Its {@code data-state} attribute is the pusher-js state,
 * its {@code data-status} one of {@code live}, {@code reconnecting}, {@code offline}.
 */
public final class ConnectionIndicator extends AppView {

  private final Notifier notifier;

  public ConnectionIndicator(Notifier notifier) {
    super("span", "conn");
    this.notifier = notifier;
    listenTo(notifier, Notifier.STATE_CHANGE, args -> render());
  }

  @Override
  public ConnectionIndicator render() {
    ConnectionState state = notifier.state();
    String status = status(state);
    el().setAttribute("data-state", state.pusherName());
    el().setAttribute("data-status", status);
    el().setTitle("Realtime connection: " + state.pusherName());
    html(Templates.T.connection(label(status)));
    return this;
  }

  /** What the user needs to know: are changes arriving live? */
  static String status(ConnectionState state) {
    switch (state) {
      case CONNECTED:
        return "live";
      case INITIALIZED:
      case CONNECTING:
        return "reconnecting";
      default:
        return "offline";
    }
  }

  private static String label(String status) {
    switch (status) {
      case "live":
        return "Live";
      case "reconnecting":
        return "Connecting…";
      default:
        return "Offline";
    }
  }
}
