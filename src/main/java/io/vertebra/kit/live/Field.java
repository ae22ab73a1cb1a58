package io.vertebra.kit.live;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a {@link LiveResource}: its JSON name, its {@link FieldType} and the rules a client's value must
 * follow. A field is immutable: each rule method returns a new field, so declarations read as one chain.
 *
 * <pre>{@code
 * Field.text("title").required().trimmed().maxLength(200)   // "title": "  Hi " is stored as "Hi"
 * Field.text("body").maxLength(20_000)                       // optional, "" when absent
 * Field.bool("done")                                         // optional, false when absent
 * Field.integer("priority").min(0).max(5).defaultValue(3L)
 * Field.text("author").maxLength(100).serverOwned()          // set by the app's LiveHooks, never by clients
 * }</pre>
 *
 * <p>Rules, as the REST API applies them (each refusal is a {@code 400 {"error": "invalid", "field": name}}):
 * <ul>
 *   <li>A value of the wrong JSON type is refused ({@code "done": "yes"}).</li>
 *   <li>{@link #required()}: create and PUT must give it; a required text must not be blank.</li>
 *   <li>A field left out of a create or PUT takes its {@link #defaultValue(Object) default} ({@code ""},
 *       {@code false}, {@code 0} unless declared); left out of a PATCH it stays as it is. JSON {@code null} counts
 *       as left out, except for a {@link #nullable()} field, which it sets to null.</li>
 *   <li>{@link #trimmed()} texts lose leading and trailing white space before the other rules see them.</li>
 *   <li>{@link #maxLength(int)}: at most that many characters; {@link #min(long)}/{@link #max(long)} bound
 *       integers.</li>
 *   <li>{@link #serverOwned()} fields are ignored in requests (a client may send a whole record back) and set by
 *       the app's {@link LiveHooks}.</li>
 * </ul>
 *
 * <p>In the database the field is a column named in snake case ({@code authorId} is {@code author_id}).
 */
public final class Field {

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");

  private final String name;
  private final FieldType type;
  private final boolean required;
  private final boolean trimmed;
  private final boolean nullable;
  private final boolean serverOwned;
  private final int maxLength;
  private final long min;
  private final long max;
  private final Object defaultValue;

  private Field(String name, FieldType type, boolean required, boolean trimmed, boolean nullable,
      boolean serverOwned, int maxLength, long min, long max, Object defaultValue) {
    this.name = name;
    this.type = type;
    this.required = required;
    this.trimmed = trimmed;
    this.nullable = nullable;
    this.serverOwned = serverOwned;
    this.maxLength = maxLength;
    this.min = min;
    this.max = max;
    this.defaultValue = defaultValue;
  }

  private static Field of(String name, FieldType type, Object defaultValue) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A field name is a camelCase Java-like name such as dueDate, not " + name);
    }
    if (LiveRecord.RESERVED.contains(name)) {
      throw new IllegalArgumentException(name + " is kept by every live record: choose another field name");
    }
    return new Field(name, type, false, false, false, false, 0, Long.MIN_VALUE, Long.MAX_VALUE, defaultValue);
  }

  /** A text field ({@code ""} when absent). */
  public static Field text(String name) {
    return of(name, FieldType.TEXT, "");
  }

  /** A true/false field ({@code false} when absent). */
  public static Field bool(String name) {
    return of(name, FieldType.BOOLEAN, Boolean.FALSE);
  }

  /** A whole-number field ({@code 0} when absent). */
  public static Field integer(String name) {
    return of(name, FieldType.INTEGER, 0L);
  }

  /** Create and PUT must give this field; a required text must not be blank. */
  public Field required() {
    return new Field(name, type, true, trimmed, nullable, serverOwned, maxLength, min, max, defaultValue);
  }

  /** A text whose leading and trailing white space is removed before it is checked and stored. */
  public Field trimmed() {
    requireType(FieldType.TEXT, "trimmed");
    return new Field(name, type, required, true, nullable, serverOwned, maxLength, min, max, defaultValue);
  }

  /** A text of at most {@code characters} characters (also its column's size). */
  public Field maxLength(int characters) {
    requireType(FieldType.TEXT, "maxLength");
    if (characters < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1");
    }
    return new Field(name, type, required, trimmed, nullable, serverOwned, characters, min, max, defaultValue);
  }

  /** An integer of at least {@code least}. */
  public Field min(long least) {
    requireType(FieldType.INTEGER, "min");
    return new Field(name, type, required, trimmed, nullable, serverOwned, maxLength, least, max, defaultValue);
  }

  /** An integer of at most {@code most}. */
  public Field max(long most) {
    requireType(FieldType.INTEGER, "max");
    return new Field(name, type, required, trimmed, nullable, serverOwned, maxLength, min, most, defaultValue);
  }

  /** The value of a create or PUT that leaves the field out: a String, Boolean or Long as the type says. */
  public Field defaultValue(Object value) {
    Object checked = switch (type) {
      case TEXT -> (String) Objects.requireNonNull(value, "default");
      case BOOLEAN -> (Boolean) Objects.requireNonNull(value, "default");
      case INTEGER -> (Long) Objects.requireNonNull(value, "default");
    };
    return new Field(name, type, required, trimmed, nullable, serverOwned, maxLength, min, max, checked);
  }

  /**
   * A field that may hold null: JSON {@code null} sets it, absent means null on create, and a null value is left
   * out of the record's JSON.
   */
  public Field nullable() {
    return new Field(name, type, required, trimmed, true, serverOwned, maxLength, min, max, null);
  }

  /** A field clients cannot set: requests' values are ignored; the app's {@link LiveHooks} set it. */
  public Field serverOwned() {
    return new Field(name, type, required, trimmed, nullable, true, maxLength, min, max, defaultValue);
  }

  /** The JSON name. */
  public String name() {
    return name;
  }

  public FieldType type() {
    return type;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isTrimmed() {
    return trimmed;
  }

  public boolean isNullable() {
    return nullable;
  }

  public boolean isServerOwned() {
    return serverOwned;
  }

  /** The longest text accepted, or 0 for no limit. */
  public int maxLength() {
    return maxLength;
  }

  public long minValue() {
    return min;
  }

  public long maxValue() {
    return max;
  }

  /** The value a create or PUT takes when the field is left out (null for a nullable field). */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The database column: the name in snake case ({@code dueDate} is {@code due_date}). */
  public String column() {
    StringBuilder column = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        column.append('_').append(Character.toLowerCase(c));
      } else {
        column.append(c);
      }
    }
    return column.toString().toLowerCase(Locale.ROOT);
  }

  private void requireType(FieldType expected, String rule) {
    if (type != expected) {
      throw new IllegalArgumentException(rule + " applies to " + expected + " fields; " + name + " is " + type);
    }
  }

  @Override
  public String toString() {
    return name + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
  }
}
