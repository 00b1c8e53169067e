package org.siyu.shell.backend;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live tail the console panel shows: log lines of the platform and events. Keeps the newest
 * {@value #CAPACITY} lines; listeners are called on the publishing thread and must not block.
 */
public final class ConsoleFeed {

    public static final int CAPACITY = 500;

    public enum Kind { LOG, EVENT }

    public record Line(Instant time, Kind kind, String level, String source, String text) {
    }

    private final Deque<Line> lines = new ArrayDeque<>();
    private final List<Consumer<Line>> listeners = new CopyOnWriteArrayList<>();

    public void publish(Line line) {
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
        for (Consumer<Line> listener : listeners) {
            try {
                listener.accept(line);
            } catch (RuntimeException e) {
                // A broken listener (a closed UI) must not stop the feed.
            }
        }
    }

    /** The lines kept, oldest first. */
    public List<Line> recent() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** Adds a listener; run the returned handle to remove it. */
    public Runnable subscribe(Consumer<Line> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
