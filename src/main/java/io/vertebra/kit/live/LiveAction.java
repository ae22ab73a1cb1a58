package io.vertebra.kit.live;

import java.io.IOException;

/**
 * An app's own endpoint on a live resource's collection URL ({@link LiveHooks#collectionActions()}), e.g. "mark all
 * done" as one {@code PATCH /api/todos}. It gets the kit's tools in a {@link LiveCall}: the validated body and
 * socket id, the store, events and answers. Validate first, then write, then publish, then answer.
 */
@FunctionalInterface
public interface LiveAction {
  void handle(LiveCall call) throws IOException;
}
