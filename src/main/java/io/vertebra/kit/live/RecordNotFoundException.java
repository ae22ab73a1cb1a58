package io.vertebra.kit.live;

/** No record has this id (never existed, or deleted). */
public final class RecordNotFoundException extends Exception {

  private static final long serialVersionUID = 1L;
  private final long id;

  public RecordNotFoundException(long id) {
    super("No record with id " + id, null, false, false);
    this.id = id;
  }

  public long id() {
    return id;
  }
}
