package io.vertebra.kit.live;

/** What a request to a live resource does, as {@link LiveHooks#check} sees it. */
public enum LiveOperation {
  /** {@code GET /api/{collection}}. */
  LIST,
  /** {@code GET /api/{collection}/{id}}. */
  READ,
  /** {@code POST /api/{collection}}. */
  CREATE,
  /** {@code PUT /api/{collection}/{id}}. */
  REPLACE,
  /** {@code PATCH /api/{collection}/{id}}. */
  PATCH,
  /** {@code DELETE /api/{collection}/{id}}. */
  DELETE,
  /** One of the app's own {@link LiveHooks#collectionActions() collection actions}. */
  ACTION;

  /** Whether the operation may change something. */
  public boolean writes() {
    return this != LIST && this != READ;
  }
}
