/**
 * Files that must survive a crash whole: written under a temporary name, synced, renamed into place atomically, and
 * the rename synced, so a process killed at any moment leaves either the old file or the complete new one.
 */
package io.vertebra.kit.files;
