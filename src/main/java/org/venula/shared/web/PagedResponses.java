package org.venula.shared.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.venula.shared.Paging.Paged;

/**
 * A page of a list as the API answers it: the page's items as a plain JSON array (the shape the list had before it
 * was paged), with a {@code Link} header to the next page ({@code rel="next"}) when more follow.
 */
public final class PagedResponses {

    private PagedResponses() {
    }

    public static <T> ResponseEntity<List<T>> of(Paged<T> paged) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (paged.more()) {
            ok.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("page", paged.page() + 1).replaceQueryParam("size", paged.size()).build()
                    .toUriString() + ">; rel=\"next\"");
        }
        return ok.body(paged.items());
    }
}
