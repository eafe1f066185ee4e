package org.venula.shared.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The one way a page's posted form becomes a form record: a handler declares {@code @Form CancelAppointmentForm
 * form}, and this turns the request's parameters into a JSON object and reads it as {@link RecordBodies} reads a
 * request body ({@link JsonFields}), so that every value that cannot be read is reported at once, naming its field;
 * {@code PageProblemHandler} answers that with the 422 page. A blank value is absent (null); a parameter sent several
 * times is a list, and a list component takes a parameter sent once as a list of one; names are kept as they are
 * ({@code works.1} is not nested). Components are objects ({@code Long}, not {@code long}): a field left empty is null,
 * and the facade says that it is required, as it does for the API.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FormRecords implements WebMvcConfigurer {

    private final JsonMapper json;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver(json));
    }

    /** Resolves {@link Form} parameters; a {@code @Form} on anything but a record of Venula's is a programming error. */
    static final class Resolver implements HandlerMethodArgumentResolver {

        private final JsonMapper json;

        Resolver(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(Form.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                NativeWebRequest request, WebDataBinderFactory binderFactory) {
            Class<?> type = parameter.getParameterType();
            if (!RecordBodies.isRequestRecord(type)
                    || Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getType().isPrimitive())) {
                throw new IllegalStateException("@Form needs a record of Venula's without primitive components"
                        + " (a field left empty is null), not " + type.getName());
            }
            Class<Record> form = (Class<Record>) type;
            return JsonFields.read(json, object(form, request.getParameterMap()), form);
        }

        /** The parameters as a JSON object: blanks left out, repeated names (and list components) as arrays. */
        ObjectNode object(Class<? extends Record> form, Map<String, String[]> parameters) {
            ObjectNode node = json.createObjectNode();
            parameters.forEach((name, values) -> {
                List<String> given = Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
                if (given.isEmpty()) {
                    return;
                }
                if (given.size() == 1 && !isList(form, name)) {
                    node.put(name, given.get(0));
                } else {
                    ArrayNode array = node.putArray(name);
                    given.forEach(array::add);
                }
            });
            return node;
        }

        private static boolean isList(Class<? extends Record> form, String name) {
            return Arrays.stream(form.getRecordComponents()).anyMatch(c -> c.getName().equals(name)
                    && (Collection.class.isAssignableFrom(c.getType()) || c.getType().isArray()));
        }
    }
}
