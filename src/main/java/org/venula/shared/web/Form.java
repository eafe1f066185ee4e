package org.venula.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page handler's parameter that is the posted form, read into a form record of Venula's
 * ({@code @Form CancelAppointmentForm form}) by {@link FormRecords}: each request parameter becomes the component of
 * the same name, and every value that cannot be read is reported at once, as a JSON body's would be.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Form {
}
