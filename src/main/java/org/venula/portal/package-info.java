/**
 * The patient portal: what patients do for themselves, from a phone, under the same protocol and pathway rules as
 * staff. Today: "Am I suitable?", the anonymous self-check on the clinic's public pages. It asks other capabilities'
 * facades for every answer and never decides a clinical question itself.
 */
package org.venula.portal;
