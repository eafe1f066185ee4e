/**
 * Demo data: three clinicians, a receptionist and a dozen patients with varied histories and screenings, eighteen
 * months of generated history and the coming four weeks' appointments, loaded on first start when
 * {@code VENULA_DEMO=true}. Patients, their records and the coming appointments go through the capabilities' facades
 * like any user. The one exception is the generated past ({@code DemoHistory}): the facades date what they record
 * today, so the eighteen months of sessions behind the outcome audit are written in bulk, copying the documents of a
 * patient recorded through the facades. It never loads into a database that already holds patients.
 */
package org.venula.demo;
