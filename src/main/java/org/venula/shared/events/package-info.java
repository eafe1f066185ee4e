/**
 * Reliable delivery of follow-on work between capabilities: events are recorded by Spring Modulith's publication
 * registry in the publishing transaction and retried here when a listener fails. It knows no capability's events.
 */
package org.venula.shared.events;
