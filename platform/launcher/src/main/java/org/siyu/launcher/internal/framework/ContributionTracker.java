package org.siyu.launcher.internal.framework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.shell.backend.ConsoleFeed;
import org.siyu.shell.backend.ContributionRegistry;

/**
 * Feeds the shell: every contribution service of every bundle goes into the {@link ContributionRegistry}
 * while it is registered, and bundle and framework events go to the console as events.
 */
public final class ContributionTracker implements BundleListener, FrameworkListener {

    private final BundleContext context;
    private final ContributionRegistry registry;
    private final ConsoleFeed console;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    public ContributionTracker(BundleContext context, ContributionRegistry registry, ConsoleFeed console) {
        this.context = context;
        this.registry = registry;
        this.console = console;
    }

    public void open() {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        for (Class<?> type : ContributionRegistry.TYPES) {
            trackers.add(track(type));
        }
    }

    private <T> ServiceTracker<T, T> track(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null) {
            @Override
            public T addingService(ServiceReference<T> ref) {
                T service = context.getService(ref);
                if (service != null) {
                    Bundle bundle = ref.getBundle();
                    registry.add(type, id(ref), bundle == null ? "?" : bundle.getSymbolicName(), service);
                }
                return service;
            }

            @Override
            public void removedService(ServiceReference<T> ref, T service) {
                registry.remove(type, id(ref));
                context.ungetService(ref);
            }
        };
        tracker.open(true);
        return tracker;
    }

    private static long id(ServiceReference<?> ref) {
        return (Long) ref.getProperty("service.id");
    }

    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "bundle.installed";
            case BundleEvent.STARTED -> "bundle.started";
            case BundleEvent.STOPPED -> "bundle.stopped";
            case BundleEvent.UPDATED -> "bundle.updated";
            case BundleEvent.UNINSTALLED -> "bundle.uninstalled";
            case BundleEvent.RESOLVED -> "bundle.resolved";
            default -> null;
        };
        if (what != null) {
            Bundle b = event.getBundle();
            console.publish(new ConsoleFeed.Line(Instant.now(), ConsoleFeed.Kind.EVENT, "INFO", what,
                    b.getSymbolicName() + " " + b.getVersion()));
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
            String level = event.getType() == FrameworkEvent.ERROR ? "ERROR" : "WARN";
            Throwable t = event.getThrowable();
            console.publish(new ConsoleFeed.Line(Instant.now(), ConsoleFeed.Kind.EVENT, level, "framework",
                    event.getBundle().getSymbolicName() + ": " + (t == null ? "" : t.getMessage())));
        }
    }
}
