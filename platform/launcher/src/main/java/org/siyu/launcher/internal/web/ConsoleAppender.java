package org.siyu.launcher.internal.web;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import org.siyu.shell.backend.ConsoleFeed;

/**
 * Logback appender that feeds the shell's console panel. Declared in {@code logback.xml}; the host connects
 * it to the feed at start. Lines logged before that are dropped (the file log keeps them).
 */
public final class ConsoleAppender extends AppenderBase<ILoggingEvent> {

    private static volatile ConsoleFeed feed;

    public static void connect(ConsoleFeed consoleFeed) {
        feed = consoleFeed;
    }

    @Override
    protected void append(ILoggingEvent event) {
        ConsoleFeed f = feed;
        if (f == null) {
            return;
        }
        String logger = event.getLoggerName();
        String source = logger.substring(logger.lastIndexOf('.') + 1);
        f.publish(new ConsoleFeed.Line(Instant.ofEpochMilli(event.getTimeStamp()), ConsoleFeed.Kind.LOG,
                event.getLevel().toString(), source, event.getFormattedMessage()));
    }
}
