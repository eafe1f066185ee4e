/**
 * Plain-Java consultation rules: leg-map terms, CEAP and VCSS scoring, and the consultation's outcome.
 * No framework, persistence, clock or I/O: callers pass the facts, the protocol and today's date. Other
 * capabilities may use these rules and their values (a named interface of the module).
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.assessment.rules;
