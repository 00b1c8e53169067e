package org.siyu.kernel.tagging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Whether hits complete a rule: {@code minCount} of them within one window that contains the new hit. */
final class RuleWindow {

    private RuleWindow() {
    }

    /**
     * @param times  the hit times within {@code window} of {@code latest}, on both sides, ascending
     * @param hit    the time of the hit just recorded (among {@code times})
     * @param window events at most this far apart count together (inclusive)
     */
    static boolean completes(List<Instant> times, Instant hit, Duration window, int minCount) {
        for (int i = 0; i < times.size(); i++) {
            Instant start = times.get(i);
            if (start.isAfter(hit)) {
                break;
            }
            Instant end = start.plus(window);
            if (end.isBefore(hit)) {
                continue; // this window does not reach the new hit
            }
            int count = 0;
            for (int j = i; j < times.size() && !times.get(j).isAfter(end); j++) {
                count++;
            }
            if (count >= minCount) {
                return true;
            }
        }
        return false;
    }
}
