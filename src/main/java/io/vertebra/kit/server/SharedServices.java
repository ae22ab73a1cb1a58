package io.vertebra.kit.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.rest.PusherAsync;
import io.vertebra.kit.config.Config;
import io.vertebra.kit.config.RealtimeSettings;
import io.vertebra.kit.files.OwnerOnly;
import io.vertebra.kit.identity.Sessions;
import io.vertebra.kit.realtime.PusherClients;
import io.vertebra.kit.store.Database;
import io.vertebra.kit.store.SessionStore;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a full server opens once for all its modules: the database, sessions and the realtime client. */
record SharedServices(Database database, Sessions sessions, PusherAsync pusher, ObjectMapper mapper, Clock clock,
    AtomicBoolean closing) implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedServices.class);

  /** Opens the database with {@code opener} (closed again if the rest fails) and the sessions kept in it. */
  static SharedServices open(Config config, RealtimeSettings realtime, VertebraServer.DatabaseOpener opener,
      Clock clock) throws IOException {
    OwnerOnly.folder(config.dataDir());
    ObjectMapper mapper = new ObjectMapper();
    Database database = opener.open(config.databaseUrl(), config.dataDir());
    Sessions sessions;
    try {
      sessions = Sessions.open(config.sessionSecret(), config.dataDir(), mapper, clock,
          new SessionStore(database, clock));
    } catch (IOException | RuntimeException e) {
      database.close();
      throw e;
    }
    LOG.info("Database: {}", database.describe());
    // The master key (if any) serves the triggers and /pusher/auth alike: both use this one client.
    return new SharedServices(database, sessions, PusherClients.create(realtime, config.encryptionMasterKey()),
        mapper, clock, new AtomicBoolean());
  }

  @Override
  public void close() {
    try {
      pusher.close();
    } catch (Exception e) {
      LOG.warn("Closing the realtime client failed", e);
    }
    database.close();
  }
}
