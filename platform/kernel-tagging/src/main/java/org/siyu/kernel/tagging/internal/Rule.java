package org.siyu.kernel.tagging.internal;

/**
 * "{@code minCount} events of {@code eventType} within {@code windowDays} give the customer {@code tag}".
 *
 * @param eventType an event type ({@code order.paid}) or a prefix pattern ({@code order.*}, {@code *})
 */
record Rule(int id, String name, String eventType, int minCount, int windowDays, String tag) {

    /** The source of the assignments this rule makes. */
    String source() {
        return "rule:" + id;
    }

    boolean matches(String type) {
        if (eventType.equals("*")) {
            return true;
        }
        if (eventType.endsWith(".*")) {
            return type.startsWith(eventType.substring(0, eventType.length() - 1));
        }
        return eventType.equals(type);
    }
}
