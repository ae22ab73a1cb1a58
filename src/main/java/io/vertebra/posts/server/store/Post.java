package io.vertebra.posts.server.store;

import java.time.Instant;

/** One stored post. {@code version} starts at 1 and grows by one with every write. */
public record Post(long id, String title, String body, String author, long version, Instant createdAt,
    Instant updatedAt) {}
