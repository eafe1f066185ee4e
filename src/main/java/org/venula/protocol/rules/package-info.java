/**
 * Plain-Java checks of a protocol version before it can be activated: ranges, sources and consistency.
 * No framework, persistence, clock or I/O: callers pass the facts, the protocol and today's date. Other
 * capabilities may use these rules and their values (a named interface of the module).
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.protocol.rules;
