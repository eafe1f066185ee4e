/**
 * The access log: an append-only trail of who read or changed which patient's record, when, how and from where.
 * Other capabilities write to it through {@link org.venula.accesslog.AccessLog}; nothing can change or remove an entry.
 */
package org.venula.accesslog;
