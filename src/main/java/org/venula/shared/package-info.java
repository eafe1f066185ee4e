/**
 * The few things every capability shares: problem types for the API, field-level problems, and the clock.
 * Kept deliberately small: nothing clinical lives here, and nothing here knows about any capability.
 */
package org.venula.shared;
