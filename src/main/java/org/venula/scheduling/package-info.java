/**
 * Booking: appointments on practitioners' calendars, free slots, and the pathway rules that refuse a booking which
 * breaks the clinic's rhythm (consultation first, a current clearance, deferrals, minimum intervals). No practitioner
 * is ever double-booked: the database refuses it too. Rules live in {@code rules} as plain Java.
 */
package org.venula.scheduling;
