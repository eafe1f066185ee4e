/**
 * Plain-Java rules for a clinic's own details, such as the contact details patients are shown.
 * No framework, persistence, clock or I/O: callers pass the facts, the protocol and today's date. Other
 * capabilities may use these rules and their values (a named interface of the module).
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.clinic.rules;
