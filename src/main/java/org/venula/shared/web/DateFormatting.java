package org.venula.shared.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.venula.shared.InputLimits;

/**
 * Dates in an address or a page form ({@code ?to=2026-12-31}, {@code dateOfBirth}) are ISO-8601 and held to
 * {@link InputLimits}: {@code +999999999-12-31} is refused naming the parameter, as in a JSON body. Registered last, so
 * it is the formatter for every date parameter and form field, annotated or not.
 */
@Configuration(proxyBeanMethods = false)
class DateFormatting implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Checked<>(LocalDate::parse));
        registry.addFormatterForFieldType(LocalDateTime.class, new Checked<>(LocalDateTime::parse));
    }

    /** Parses ISO text within {@link InputLimits}, or throws {@link IllegalArgumentException} saying why. */
    private static <T extends TemporalAccessor> T parse(String text, Function<String, T> parser) {
        T value;
        try {
            value = parser.apply(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (YYYY-MM-DD)", e);
        }
        String problem = InputLimits.dateProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    private record Checked<T extends TemporalAccessor>(Function<String, T> parser) implements Formatter<T> {

        @Override
        public T parse(String text, Locale locale) throws ParseException {
            return DateFormatting.parse(text, parser);
        }

        @Override
        public String print(T value, Locale locale) {
            return value.toString();
        }
    }
}
