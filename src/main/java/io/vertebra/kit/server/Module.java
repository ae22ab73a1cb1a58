package io.vertebra.kit.server;

/**
 * One part of a team's server: what it serves, installed once when the {@link VertebraServer} starts. A module adds
 * its servlets and filters through the {@link ModuleContext} it is given, which also hands it the shared database,
 * sessions, realtime client and configuration; it opens nothing of its own that the server already holds.
 *
 * <pre>{@code
 * Module notes = context -> {
 *   NoteStore store = new NoteStore(context.database(), context.clock());
 *   context.serve("/api/notes/*", new NotesServlet(context.mapper(), store, context.sessions(), context.events()));
 *   context.allowChannels((user, channel) -> channel.startsWith("presence-note-") ? null : "no such channel");
 * };
 * VertebraServer.builder(Config.fromEnvironment()).schema(NOTES_SCHEMA).module(notes).start();
 * }</pre>
 *
 * Modules are installed in the order they were added; a module that throws stops the start (and the server closes
 * what it had opened).
 */
@FunctionalInterface
public interface Module {

  /** Adds this module's endpoints to the server being started. */
  void install(ModuleContext context) throws Exception;
}
