package org.siyu.kernel.tagging.internal;

/**
 * A tag as the index knows it.
 *
 * @param titleEn display title, or {@code null} to show the name
 * @param titleZh Chinese display title, or {@code null}
 */
public record TagDef(int id, String name, String group, boolean system, String titleEn, String titleZh) {

    /** The title to show in {@code language} ("zh" or other), falling back to the name. */
    public String title(String language) {
        if ("zh".equals(language) && titleZh != null) {
            return titleZh;
        }
        return titleEn != null ? titleEn : name;
    }
}
