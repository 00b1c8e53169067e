package org.siyu.api.tags;

/**
 * A tag and how many customers have it.
 *
 * @param name      the tag's name (Chinese names are normal)
 * @param group     its group
 * @param system    whether the kernel maintains it (lifecycle, ownership level, RFM)
 * @param customers how many customers have it
 */
public record TagInfo(String name, String group, boolean system, long customers) {
}
