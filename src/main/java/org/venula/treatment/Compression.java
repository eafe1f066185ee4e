package org.venula.treatment;

/**
 * Compression applied at the end of a session: stocking or bandage, knee or thigh length, the pressure range in mmHg
 * and the standard the class is quoted in (UK, RAL or US: the same "class 1" differs between them, domain.md §5.1).
 */
public record Compression(Type type, Length length, Integer lowMmHg, Integer highMmHg, Standard standard) {

    public enum Type { STOCKING, BANDAGE }

    public enum Length { KNEE, THIGH }

    public enum Standard { UK, RAL, US }
}
