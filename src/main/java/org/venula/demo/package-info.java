/**
 * Demo data: three clinicians, a receptionist and a dozen patients with varied histories and screenings, eighteen
 * months of generated history and the coming four weeks' appointments, loaded on first start when
 * {@code VENULA_DEMO=true}. Patients and appointments go through the capabilities' facades like any user; it never
 * loads into a database that already holds patients.
 */
package org.venula.demo;
