package io.vertebra.posts.client.ui;

import io.vertebra.framework.router.History;

/** Moves the app to another hash route, running its route (and adding a browser history entry). */
public final class Navigation {

  private Navigation() {
  }

  /** Goes to {@code fragment} ({@code ""}, {@code "posts/7"}, {@code "posts/7/edit"}). */
  public static void go(String fragment) {
    History.global().navigate(fragment, true);
  }
}
