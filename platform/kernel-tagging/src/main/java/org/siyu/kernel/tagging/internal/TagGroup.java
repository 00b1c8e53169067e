package org.siyu.kernel.tagging.internal;

/**
 * A row of {@code tagging_group}.
 *
 * @param system whether the kernel maintains its tags (lifecycle, reach, rfm)
 */
public record TagGroup(String name, String titleEn, String titleZh, boolean system) {

    /** The title in {@code language} ("zh" or other), falling back to the English one. */
    public String title(String language) {
        return "zh".equals(language) && titleZh != null ? titleZh : titleEn;
    }
}
