/**
 * Keeping the embedded database healthy over weeks of uptime. Nothing here knows about any capability.
 */
package org.venula.shared.db;
