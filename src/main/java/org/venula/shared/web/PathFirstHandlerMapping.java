package org.venula.shared.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler by its path before anything else. Spring MVC matches a path with variables
 * ({@code /api/patients/{id}}) against every mapping in turn, each checking the method, CORS pre-flight, parameters,
 * headers and media types, then parsing the path out of the request, behind the security filters' request wrappers:
 * together a quarter of a short API call (JFR, bench/). Almost every mapping differs from the request in the literal
 * beginning of its path, so that is compared first, as a string, and turns most of them away at once. The outcome
 * is the same: a mapping matches only when every condition does.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstHandlerMapping {

    @Bean
    WebMvcRegistrations pathFirstRegistrations() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    /**
     * Turns a mapping away when the path cannot match: none of its patterns' literal beginnings (up to the first
     * variable or wildcard) starts the request's path. Only for plain paths: one with escapes ({@code %}) or path
     * parameters ({@code ;}) goes through the full match, since patterns match decoded segments.
     */
    static final class Mapping extends RequestMappingHandlerMapping {

        private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();
        private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            LOOKUP_PATH.set(lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0 ? lookupPath : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP_PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP_PATH.get();
            if (path != null && !startsWithAny(path, prefixes.computeIfAbsent(info, Mapping::literalPrefixes))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsWithAny(String path, String[] prefixes) {
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        static String[] literalPrefixes(RequestMappingInfo info) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths == null || paths.getPatterns().isEmpty()) {
                return new String[] {""};
            }
            return paths.getPatterns().stream().map(PathPattern::getPatternString).map(Mapping::literalPrefix)
                    .toArray(String[]::new);
        }

        static String literalPrefix(String pattern) {
            int end = pattern.length();
            for (char c : new char[] {'{', '*', '?'}) {
                int i = pattern.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            return pattern.substring(0, end);
        }
    }
}
