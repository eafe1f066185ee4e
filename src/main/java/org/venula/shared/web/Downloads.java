package org.venula.shared.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The responses for files Venula hands out: PDF, iCalendar, CSV and SVG, with their type and file name. */
public final class Downloads {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=utf-8");
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private Downloads() {
    }

    /** A PDF shown in the browser ({@code inline}) or saved. */
    public static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName, boolean inline) {
        return file(MediaType.APPLICATION_PDF, pdf, fileName, inline);
    }

    public static ResponseEntity<String> calendar(String ics, String fileName) {
        return file(CALENDAR, ics, fileName, false);
    }

    public static ResponseEntity<String> csv(String csv, String fileName) {
        return file(CSV, csv, fileName, false);
    }

    public static ResponseEntity<String> svg(String svg, String fileName) {
        return file(SVG, svg, fileName, false);
    }

    private static <T> ResponseEntity<T> file(MediaType type, T body, String fileName, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }
}
