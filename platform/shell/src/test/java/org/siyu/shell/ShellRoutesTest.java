package org.siyu.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.siyu.api.ui.Perspective;
import org.siyu.api.ui.ViewContribution;
import org.siyu.shell.backend.ContributionRegistry;
import org.siyu.shell.internal.Fixtures;

class ShellRoutesTest {

    /** A servlet context that only keeps attributes, which is all the route registry needs. */
    static ServletContext servletContext() {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (ServletContext) Proxy.newProxyInstance(ShellRoutesTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                    case "getInitParameterNames" -> Collections.emptyEnumeration();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test servlet context";
                    default -> null;
                });
    }

    private static boolean vaadinKnows(ServletContext context, String path) {
        return ApplicationRouteRegistry.getInstance(new VaadinServletContext(context))
                .getNavigationTarget(path).isPresent();
    }

    @Test
    void followsTheRegistry() {
        ServletContext context = servletContext();
        ContributionRegistry registry = new ContributionRegistry();
        registry.add(ViewContribution.class, 10, "notes",
                Fixtures.view("notes.list", "Notes", null, "Notes", Perspective.OPERATIONS, null));
        registry.add(ViewContribution.class, 11, "bad",
                Fixtures.view("Not A Path/..", "Bad", null, "Bad", Perspective.OPERATIONS, null));
        registry.add(ViewContribution.class, 12, "broken", Fixtures.brokenView());

        ShellRoutes routes = ShellRoutes.of(context);
        assertSame(routes, ShellRoutes.of(context));
        routes.start(registry);
        routes.start(registry); // idempotent
        assertTrue(routes.started());
        assertEquals(Set.of("view/notes.list"), routes.routes());
        assertTrue(vaadinKnows(context, "view/notes.list"));

        registry.add(ViewContribution.class, 13, "tags",
                Fixtures.view("tags.list", "Tags", null, "Tags", Perspective.OPERATIONS, null));
        assertEquals(Set.of("view/notes.list", "view/tags.list"), routes.routes());
        assertTrue(vaadinKnows(context, "view/tags.list"));

        registry.remove(ViewContribution.class, 10);
        assertEquals(Set.of("view/tags.list"), routes.routes());
        assertTrue(!vaadinKnows(context, "view/notes.list"));

        routes.stop();
        assertEquals(Set.of(), routes.routes());
        assertTrue(!vaadinKnows(context, "view/tags.list"));
        registry.add(ViewContribution.class, 14, "notes",
                Fixtures.view("notes.list", "Notes", null, "Notes", Perspective.OPERATIONS, null));
        assertEquals(Set.of(), routes.routes(), "a stopped instance no longer follows");
    }

    @Test
    void aSecondViewWithTheSameIdTakesOverWhenTheFirstGoes() {
        ServletContext context = servletContext();
        ContributionRegistry registry = new ContributionRegistry();
        ShellRoutes routes = ShellRoutes.of(context);
        routes.start(registry);
        registry.add(ViewContribution.class, 1, "a", Fixtures.view("x.list", "X", null, "X", Perspective.OPERATIONS, null));
        registry.add(ViewContribution.class, 2, "b", Fixtures.view("x.list", "X2", null, "X", Perspective.OPERATIONS, null));
        assertEquals(Set.of("view/x.list"), routes.routes());
        registry.remove(ViewContribution.class, 2);
        assertEquals(Set.of("view/x.list"), routes.routes());
        assertTrue(vaadinKnows(context, "view/x.list"));
        registry.add(ViewContribution.class, 2, "b", Fixtures.view("x.list", "X2", null, "X", Perspective.OPERATIONS, null));
        registry.remove(ViewContribution.class, 1);
        assertEquals(Set.of("view/x.list"), routes.routes());
        assertTrue(vaadinKnows(context, "view/x.list"));
        routes.stop();
    }
}
