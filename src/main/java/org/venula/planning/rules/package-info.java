/**
 * Plain-Java planning rules: the course of sessions, the agent chosen and the quote priced from the protocol.
 * No framework, persistence, clock or I/O: callers pass the facts, the protocol and today's date. Other
 * capabilities may use these rules and their values (a named interface of the module).
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.planning.rules;
