/**
 * The few things every capability shares: refusals and field problems as values, input limits, the clock, and in
 * {@code web} the edge that turns them into problem+json. Kept deliberately small: nothing clinical lives here, and
 * nothing here knows about any capability. An open module: its sub-packages are for every capability to use.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.venula.shared;
