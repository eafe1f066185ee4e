/**
 * Demo data: two clinicians, a receptionist and a dozen patients with varied histories and screenings, loaded on first start when
 * {@code VENULA_DEMO=true}. It goes through the capabilities' facades like any user, and never into a database
 * that already holds patients.
 */
package org.venula.demo;
