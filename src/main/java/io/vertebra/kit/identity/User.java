package io.vertebra.kit.identity;

/** A signed-in user: a stable random id, the display name they chose and a colour for presence lists. */
public record User(String id, String name, String color) {}
