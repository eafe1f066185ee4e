package org.venula.protocol;

/**
 * A work that protocol values are taken from, named so that a clinician can look it up: a guideline or a product
 * label with its section, or a patient information page with its heading. A value cites it as {@code [id]} in its
 * {@code source} (see {@link org.venula.protocol.rules.Citations}).
 */
public record Source(String id, String title, String section, String publisher, String url) {

    /**
     * The reference staff read: "BAS patient guide: Who is not suitable". A section that starts in lower case is a
     * locator and follows a comma: "European guidelines for sclerotherapy (Rabe et al., 2014), section 3".
     */
    public String reference() {
        if (section == null || section.isBlank()) {
            return title;
        }
        return title + (Character.isLowerCase(section.charAt(0)) ? ", " : ": ") + section;
    }
}
