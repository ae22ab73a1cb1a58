/**
 * The Vertebra server kit, a plain Java library ({@code io.vertebra:vertebra-kit}) for a team's own server: the HTTP
 * edge ({@code web}), configuration ({@code config}), operations endpoints ({@code ops}) and crash-safe files
 * ({@code files}). The embedded channels server ({@code io.vertebra.channels}) ships in the same library. Nothing
 * here imports an app or the client framework.
 */
package io.vertebra.kit;
