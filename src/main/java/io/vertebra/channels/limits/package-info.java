/** The limits the channels server enforces and the helpers that enforce them. */
package io.vertebra.channels.limits;
