package org.siyu.launcher.internal.web;

import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventSubscriber;
import org.siyu.shell.backend.ConsoleFeed;

/**
 * Subscribes to the event bus from its newest event on and shows every event in the console's Events tab. Registered
 * by the host as an ordinary subscriber, so it is isolated like any other.
 */
public final class ConsoleEventBridge implements EventSubscriber {

    private static final int MAX_DATA = 200;

    private final ConsoleFeed console;

    private ConsoleEventBridge(ConsoleFeed console) {
        this.console = console;
    }

    public static ServiceRegistration<EventSubscriber> register(BundleContext context, ConsoleFeed console) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventSubscriber.ID, "siyu.console");
        props.put(EventSubscriber.TYPES, "*");
        props.put(EventSubscriber.START, "latest");
        return context.registerService(EventSubscriber.class, new ConsoleEventBridge(console), props);
    }

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("(\\+86|\\+\\d{1,3})?(\\d{3})(\\d{1,8})(\\d{4})");

    /** Phone numbers keep the country code, the first three and the last four digits: {@code +86138****0000}. */
    static String mask(String text) {
        return PHONE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(4)));
    }

    @Override
    public void onEvent(Event event) {
        String data = mask(event.data());
        data = data.length() > MAX_DATA ? data.substring(0, MAX_DATA) + "…" : data;
        console.publish(new ConsoleFeed.Line(event.time(), ConsoleFeed.Kind.EVENT, "INFO", event.type(),
                "#" + event.offset() + (event.subject() == null ? "" : " customer " + event.subject()) + " " + data));
    }
}
