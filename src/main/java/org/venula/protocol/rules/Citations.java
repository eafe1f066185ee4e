package org.venula.protocol.rules;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Source;

/**
 * How a protocol value names its source. A {@code source} is text that cites the protocol's {@code sources} by id in
 * square brackets, with any note of its own: {@code "[bas-aftercare] — up to 2 weeks"}. Staff read it with each
 * citation replaced by the work's title and section. Text without citations is shown as it is; versions stored
 * before sources had ids named seed files and {@code domain.md} sections, and those names are read as the titles of
 * the works they stood for.
 */
public final class Citations {

    /** {@code [id]}: an id as the {@code sources} list spells it. */
    public static final Pattern CITATION = Pattern.compile("\\[([a-z0-9][a-z0-9-]*)]");

    public static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Pattern SEED_FILE = Pattern.compile("\\b(\\d{3})_[0-9a-f]{16}\\.txt\\b");

    private static final Pattern SEED_NUMBERS = Pattern.compile("\\bseeds? (\\d{3}(?:(?:, | and )\\d{3})*)");

    private static final Pattern DOMAIN_SOURCE = Pattern.compile("\\bS(\\d{1,2})b?\\b");

    private static final Pattern DOMAIN_SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");

    /** The pages the seed files were saved from, by seed number. */
    private static final Map<String, String> SEED_PAGES = Map.of(
            "000", "BAS patient guide",
            "001", "UK clinic microsclerotherapy page",
            "002", "Whiteley Clinic: Microsclerotherapy – Leg Thread Veins",
            "003", "Vein clinic article on sclerotherapy recovery",
            "004", "Dr. Jenny Clinic: Microsclerotherapy");

    /** The works {@code domain.md} numbered S1 to S28. */
    private static final Map<String, String> DOMAIN_SOURCES = Map.ofEntries(
            Map.entry("1", "S2k guideline on sclerotherapy (Rabe et al., 2020)"),
            Map.entry("2", "European guidelines for sclerotherapy in chronic venous disorders (Rabe et al., 2014)"),
            Map.entry("3", "IUP consensus on sclerotherapy of lower limb veins (Wong, Parsi et al., 2023)"),
            Map.entry("4", "UIP consensus report on contraindications to sclerotherapy (Parsi)"),
            Map.entry("5", "IUP recommendations for microsclerotherapy of C1 disease"),
            Map.entry("6", "Asclera (polidocanol) prescribing information"),
            Map.entry("7", "Polidocanol drug monograph"),
            Map.entry("8", "Sotradecol (sodium tetradecyl sulfate) US prescribing information"),
            Map.entry("9", "Fibro-vein (sodium tetradecyl sulfate) Summary of Product Characteristics"),
            Map.entry("10", "STS and polidocanol for leg telangiectasia, histology (Phlebology 2017)"),
            Map.entry("11", "Compression foam sclerotherapy (Tessari method)"),
            Map.entry("12", "Pushing rate and foam stability in the Tessari method (Dermatol Surg 2024)"),
            Map.entry("13", "Fatal pulmonary embolism after foam sclerotherapy (Bruijninckx, 2015)"),
            Map.entry("14", "Microembolism during foam sclerotherapy (Phlebology 2008)"),
            Map.entry("15", "Compression after C1 sclerotherapy, RCT (Kern et al., 2007)"),
            Map.entry("16", "Compression duration after sclerotherapy (Weiss et al., 1999)"),
            Map.entry("17", "Compression after sclerotherapy, RCT (Bayer et al., 2021)"),
            Map.entry("18", "Compression and pigmentation after sclerotherapy (Flebologiya 2023)"),
            Map.entry("19", "Compression hosiery classes"),
            Map.entry("20", "CEAP classification, 2020 update"),
            Map.entry("21", "Revised Venous Clinical Severity Score (Vasquez et al., 2010)"),
            Map.entry("22", "Fitzpatrick skin types"),
            Map.entry("23", "Post-sclerotherapy hyperpigmentation (Goldman et al., 1987)"),
            Map.entry("24", "NICE guideline CG168: Varicose veins"),
            Map.entry("25", "NICE interventional procedures guidance IPG8 and IPG440"),
            Map.entry("26", "ICD-10 codes for varicose veins"),
            Map.entry("27", "CPT codes for sclerotherapy"),
            Map.entry("28", "openFDA substance records"));

    /** What the sections of {@code domain.md} that presets cited were about. */
    private static final Map<String, String> DOMAIN_SECTIONS = Map.of(
            "4.2", "usual strengths by vein type",
            "4.3", "dose limits",
            "4.4", "foam",
            "5.1", "compression hosiery classes",
            "5.2", "compression after treatment",
            "6", "side effects and their frequencies");

    private Citations() {
    }

    /** The ids a source text cites, in order. */
    public static List<String> ids(String source) {
        List<String> out = new ArrayList<>();
        if (source != null) {
            Matcher m = CITATION.matcher(source);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The source as staff read it: each {@code [id]} replaced by that source's reference; an id the list lacks stays
     * as written. Older wording that names seed files or {@code domain.md} is read as the works' titles.
     */
    public static String readable(String source, List<Source> sources) {
        if (source == null) {
            return null;
        }
        Map<String, Source> byId = new LinkedHashMap<>();
        if (sources != null) {
            sources.stream().filter(s -> s != null && s.id() != null).forEach(s -> byId.putIfAbsent(s.id(), s));
        }
        Matcher m = CITATION.matcher(legacy(source));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Source s = byId.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(s == null ? m.group() : s.reference()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Older wording with seed file names and {@code domain.md} references, in the works' titles. */
    static String legacy(String source) {
        if (!source.contains(".txt") && !source.contains("domain.md") && !SEED_NUMBERS.matcher(source).find()) {
            return source;
        }
        String out = replace(SEED_FILE, source, m -> SEED_PAGES.getOrDefault(m.group(1), "seed page " + m.group(1)));
        out = replace(SEED_NUMBERS, out, m -> String.join(", ", java.util.Arrays.stream(m.group(1).split(", | and "))
                .map(n -> SEED_PAGES.getOrDefault(n, "seed page " + n)).toList()));
        if (out.contains("domain.md")) {
            out = replace(DOMAIN_SOURCE, out, m -> DOMAIN_SOURCES.getOrDefault(m.group(1), "source " + m.group(1)));
            out = out.replace("shared/docs/domain.md", "").replace("domain.md", "");
            out = replace(DOMAIN_SECTION, out, m -> DOMAIN_SECTIONS.getOrDefault(m.group(1), "notes"));
            out = out.replaceAll("\\(\\s+", "(").replaceAll("\\s+\\)", ")").replaceAll(" {2,}", " ")
                    .replaceAll("\\s+([,;:])", "$1").trim();
        }
        return out;
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Every source text in a document by its field path ({@code screening.rules.PREGNANCY.source}): each text field
     * named {@code source} or ending in {@code Source}, in every section and list, so that a section added later is
     * covered without being listed here. The {@code sources} list itself is not a source text.
     */
    public static Map<String, String> fields(ProtocolDocument doc) {
        Map<String, String> out = new LinkedHashMap<>();
        if (doc != null) {
            walk(doc, "", out);
        }
        return out;
    }

    private static void walk(Object value, String path, Map<String, String> out) {
        if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getName().equals("sources") && record instanceof ProtocolDocument) {
                    continue;
                }
                Object v = read(c, record);
                String p = path.isEmpty() ? c.getName() : path + "." + c.getName();
                if (v instanceof String s && (c.getName().equals("source") || c.getName().endsWith("Source"))) {
                    out.put(p, s);
                } else {
                    walk(v, p, out);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", out);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + (k instanceof Enum<?> e ? e.name() : String.valueOf(k)), out));
        }
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
