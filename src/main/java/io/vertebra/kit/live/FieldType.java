package io.vertebra.kit.live;

/** The kinds of value a {@link Field} holds, with their JSON and SQL forms. */
public enum FieldType {
  /** A JSON string; {@code VARCHAR(maxLength)} (or {@code TEXT} without a limit). Java value: {@link String}. */
  TEXT,
  /** JSON {@code true}/{@code false}; {@code BOOLEAN}. Java value: {@link Boolean}. */
  BOOLEAN,
  /** A JSON whole number; {@code BIGINT}. Java value: {@link Long}. */
  INTEGER
}
