/**
 * Plain-Java rules about patient data: the NHS number check digit and what dates a record may hold.
 * No framework, persistence, clock or I/O: callers pass the facts and today's date.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.venula.patient.rules;
