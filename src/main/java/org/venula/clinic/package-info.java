/**
 * Clinics, their users and roles, and practitioner profiles; also who is signed in and what they may do.
 * Every other capability asks this one for the caller's clinic. It must not read patient records.
 */
package org.venula.clinic;
