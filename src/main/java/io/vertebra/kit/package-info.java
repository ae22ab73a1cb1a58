/**
 * The Vertebra server kit, a plain Java library ({@code io.vertebra:vertebra-kit}) for a team's own server: a whole
 * server on one port from a builder and the app's modules ({@code server}, start with {@code VertebraServer}), the HTTP
 * edge and JSON endpoints ({@code web}, with {@code JsonErrors}, the one writer of {@code {error, message}}),
 * sessions and pusher-js auth ({@code identity}), the database ({@code store}), triggers through pusher-http-java
 * ({@code realtime}), configuration ({@code config}), operations endpoints ({@code ops}) and crash-safe files
 * ({@code files}). The embedded channels server ({@code io.vertebra.channels}) ships in the same library. Nothing
 * here imports an app or the client framework.
 */
package io.vertebra.kit;
