package io.vertebra.posts.server.store;

import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.Schema;
import java.nio.file.Path;

/** Opens the posts database: the kit's {@link Database} with posts' schema and the import of H2-era data folders. */
public final class PostsDatabase {

  private PostsDatabase() {}

  /** As {@link Database#open(String, Path, io.vertebra.kit.store.Schema, Database.BeforeOpen)}. */
  public static Database open(String databaseUrl, Path dataDir) {
    return Database.open(databaseUrl, dataDir, PostsSchema.SCHEMA, LegacyH2Import::importIfPresent);
  }
}
