package org.venula.protocol;

/** Which protocol and version a record was made under. */
public record ProtocolRef(String id, int version) {
}
