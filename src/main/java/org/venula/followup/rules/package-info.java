/**
 * Plain-Java follow-up rules: when reviews fall due, complication grading and what a review's timing means.
 * No framework, persistence, clock or I/O: callers pass the facts, the protocol and today's date. Other
 * capabilities may use these rules and their values (a named interface of the module).
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.followup.rules;
