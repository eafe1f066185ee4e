package org.venula.shared.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.venula.shared.InputLimits;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies are read. Numbers are read as {@link java.math.BigDecimal}, never through a {@code double}: a
 * dose of {@code 10.000000000000001} mL must stay above a 10 mL limit, as the dose check compares exact values. A
 * whole number is never read from a fraction: 2.5 days is refused, not cut to 2. A {@code null} inside a list is
 * refused where it stands ({@code veinTypes[0]}), and text and dates are held to {@link InputLimits}, so that no
 * value a client can send reaches a capability it would break.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer requestRules() {
        SimpleModule limits = new SimpleModule("venula-input-limits")
                .addDeserializer(String.class, new CheckedText())
                .addDeserializer(LocalDate.class, new CheckedDate<>(LocalDate.class, LocalDateDeserializer.INSTANCE))
                .addDeserializer(LocalDateTime.class,
                        new CheckedDate<>(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE))
                .addDeserializer(OffsetDateTime.class,
                        new CheckedDate<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(limits);
    }

    /**
     * The mapper for what Venula has already stored (documents in rows, presets): the same as the request mapper, but
     * it reads back whatever a row holds, so that a row written before a limit existed (a form feed pasted into a
     * note, say) never makes its page fail. Plain deserializers registered last take precedence over the checked ones.
     */
    @Bean
    StoredJson storedJson(JsonMapper requests) {
        SimpleModule plain = new SimpleModule("venula-stored-as-is")
                .addDeserializer(String.class, StringDeserializer.instance)
                .addDeserializer(LocalDate.class, LocalDateDeserializer.INSTANCE)
                .addDeserializer(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE)
                .addDeserializer(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME);
        return new StoredJson(requests.rebuild().addModule(plain)
                .changeDefaultNullHandling(n -> JsonSetter.Value.empty()).build());
    }

    private static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = InputLimits.textProblem(text);
            if (problem != null) {
                throw new RefusedValueException(p, problem, text, String.class);
            }
            return text;
        }
    }

    private static final class CheckedDate<T extends TemporalAccessor> extends StdScalarDeserializer<T> {

        private final ValueDeserializer<? extends T> delegate;

        CheckedDate(Class<T> type, ValueDeserializer<? extends T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            T value = delegate.deserialize(p, ctxt);
            String problem = InputLimits.dateProblem(value);
            if (problem != null) {
                throw new RefusedValueException(p, problem, value, handledType());
            }
            return value;
        }
    }
}
