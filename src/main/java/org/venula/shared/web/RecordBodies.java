package org.venula.shared.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The one way a JSON request body becomes a request record: a controller declares {@code @RequestBody
 * BookAppointment request}, and this reads it component by component ({@link JsonFields}), so that every value that
 * cannot be read is reported at once in the 422 {@code errors[]} shape, naming its field. A body that is not JSON is
 * 400 {@code malformed-json}; a missing body is 400 where the body is required, and reads as {@code {}} where it is
 * optional ({@code @RequestBody(required = false)}), so an optional body's record is never null.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RecordBodies implements WebMvcConfigurer {

    private final JsonMapper json;

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new Converter(json));
    }

    /** Whether a body of this type is a request record of Venula's, read by this converter. */
    static boolean isRequestRecord(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("org.venula.");
    }

    /** Reads request records; never writes (answers are written by the usual JSON converter). */
    static final class Converter implements HttpMessageConverter<Record> {

        private final JsonMapper json;

        Converter(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return isRequestRecord(clazz) && (mediaType == null || MediaType.APPLICATION_JSON.includes(mediaType)
                    || mediaType.getSubtype().endsWith("+json"));
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        @Override
        public List<MediaType> getSupportedMediaTypes() {
            return List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Record read(Class<? extends Record> clazz, HttpInputMessage input) throws IOException {
            JsonNode node;
            try {
                node = json.readTree(input.getBody());
            } catch (JacksonException e) {
                throw new HttpMessageNotReadableException("Not JSON", e, input);
            }
            return JsonFields.read(json, node, (Class<Record>) clazz);
        }

        @Override
        public void write(Record value, MediaType contentType, HttpOutputMessage output) {
            throw new HttpMessageNotWritableException("request records are read, never written (canWrite is false)");
        }
    }

    /** An optional body that was not sent reads as an empty object, so its record's components are all null. */
    @ControllerAdvice
    static final class OptionalBodies extends RequestBodyAdviceAdapter {

        private final JsonMapper json;

        OptionalBodies(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
            return converterType == Converter.class && body != null && !body.required();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter,
                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
            return body != null ? body
                    : JsonFields.read(json, json.createObjectNode(), (Class<Record>) parameter.getParameterType());
        }
    }
}
