package org.venula.shared.web;

import java.net.URI;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;

/**
 * What the API answers when a request made a record: 201 Created with the record as the body and a {@code Location}
 * header to read it again (or, for a record added to another, such as an injection to its session, that record).
 */
public final class CreatedResponses {

    private CreatedResponses() {
    }

    /** 201 at a location the caller knows already, e.g. {@code at("/api/sessions/" + id, session)}. */
    public static <T> ResponseEntity<T> at(String location, T created) {
        return ResponseEntity.created(URI.create(location)).body(created);
    }

    /** 201 at the location the made record names, e.g. {@code of(lot, l -> "/api/lots/" + l.id())}. */
    public static <T> ResponseEntity<T> of(T created, Function<? super T, String> location) {
        return at(location.apply(created), created);
    }
}
