package io.vertebra.todos.shared;

/** Attribute names of a todo ({@code id, title, completed, version, createdAt, updatedAt}) and their limits. */
public final class TodoFields {

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String COMPLETED = "completed";
  public static final String VERSION = "version";
  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  /** Bulk answers and events: the changed records, or the removed ids. */
  public static final String RECORDS = "records";
  public static final String IDS = "ids";

  /** The longest title the server accepts, in characters. */
  public static final int TITLE_MAX_LENGTH = 500;

  private TodoFields() {
  }
}
