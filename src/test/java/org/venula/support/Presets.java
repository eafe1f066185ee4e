package org.venula.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.internal.PresetLibrary;

import tools.jackson.databind.json.JsonMapper;

/** The shipped protocol presets, read as Venula reads them at start-up. */
public final class Presets {

    private static final Map<String, ProtocolDocument> ALL;

    static {
        try {
            ALL = PresetLibrary.load(JsonMapper.builder().build(), "classpath:protocols/*.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Presets() {
    }

    public static ProtocolDocument get(String id) {
        ProtocolDocument doc = ALL.get(id);
        if (doc == null) {
            throw new IllegalArgumentException("no preset " + id);
        }
        return doc;
    }

    public static Map<String, ProtocolDocument> all() {
        return ALL;
    }
}
