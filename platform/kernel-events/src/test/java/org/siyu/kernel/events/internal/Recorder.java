package org.siyu.kernel.events.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;

/** A subscriber for tests: records what it was given, from which thread; can fail or be slow on purpose. */
class Recorder implements EventSubscriber {

    final List<Event> received = new CopyOnWriteArrayList<>();
    final List<Event> attempts = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile Predicate<Event> failWhen = e -> false;
    volatile Duration slowness = Duration.ZERO;

    @Override
    public void onEvent(Event event) throws Exception {
        attempts.add(event);
        threads.add(Thread.currentThread().getName());
        if (!slowness.isZero()) {
            Thread.sleep(slowness);
        }
        if (failWhen.test(event)) {
            throw new IllegalStateException("refused " + event.id());
        }
        received.add(event);
    }

    List<String> receivedIds() {
        return received.stream().map(Event::id).toList();
    }

    /** Waits until {@code condition} holds, up to {@code max}; answers whether it did. */
    static boolean await(Duration max, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    static Map<String, Object> props(String id, Object types) {
        return Map.of(ID, id, TYPES, types);
    }

    static Map<String, Object> props(String id, Object types, String start) {
        return Map.of(ID, id, TYPES, types, START, start);
    }

    static List<Event> events(String prefix, int count, String type, Integer subject) {
        List<Event> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            result.add(new Event(0, prefix + i, type, "test", subject, java.time.Instant.now(), "{\"n\":" + i + "}"));
        }
        return result;
    }
}
