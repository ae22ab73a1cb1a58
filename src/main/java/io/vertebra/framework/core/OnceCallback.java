package io.vertebra.framework.core;

import java.util.function.Consumer;

/** Fires the wrapped callback at most once, unbinding itself first as Backbone's once wrapper does. */
final class OnceCallback implements Callback {

  final Callback original;
  final Consumer<Callback> unbind;
  boolean fired;

  OnceCallback(Callback original, Consumer<Callback> unbind) {
    this.original = original;
    this.unbind = unbind;
  }

  @Override
  public void call(Object... args) {
    if (fired) {
      return;
    }
    fired = true;
    unbind.accept(this);
    original.call(args);
  }
}
