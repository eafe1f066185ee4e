/**
 * The database at its plainest: inserting a row for its generated id, and keeping the embedded database healthy over
 * weeks of uptime. Nothing here knows about any capability.
 */
package org.venula.shared.db;
