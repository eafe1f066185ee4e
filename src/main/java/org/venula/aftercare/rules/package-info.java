/**
 * Plain-Java aftercare rules: the dated plan from the protocol's instructions and the triage of a reported symptom.
 * No framework, persistence, clock or I/O: callers pass the facts, the protocol and today's date. Other
 * capabilities may use these rules and their values (a named interface of the module).
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.aftercare.rules;
