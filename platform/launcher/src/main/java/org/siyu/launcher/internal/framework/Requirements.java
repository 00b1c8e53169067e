package org.siyu.launcher.internal.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/** Explains in plain words why a bundle does not resolve: each requirement that nothing installed provides. */
final class Requirements {

    private static final Pattern ATTR = Pattern.compile("\\(([a-zA-Z0-9._-]+)(>=|<=|=|~=)([^)]*)\\)");

    private Requirements() {
    }

    static List<String> missing(Bundle bundle, FrameworkWiring wiring) {
        List<String> lines = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return lines;
        }
        for (Requirement req : revision.getRequirements(null)) {
            String resolution = req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            if (Namespace.RESOLUTION_OPTIONAL.equals(resolution)) {
                continue;
            }
            if (wiring.findProviders(req).isEmpty()) {
                lines.add(describe(req.getNamespace(), req.getDirectives()));
            }
        }
        return lines;
    }

    static String describe(String namespace, Map<String, String> directives) {
        String filter = directives.getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String name = null;
        String low = null;
        String high = null;
        Matcher m = ATTR.matcher(filter);
        while (m.find()) {
            String key = m.group(1);
            String op = m.group(2);
            String value = m.group(3);
            if (key.equals(namespace) && op.equals("=")) {
                name = value;
            } else if (key.equals("version") || key.equals("bundle-version")) {
                int start = m.start();
                boolean negated = start >= 2 && filter.startsWith("(!", start - 2);
                if (op.equals(">=") && !negated) {
                    low = ">= " + value;
                } else if (op.equals(">=")) {
                    high = "< " + value;
                } else if (op.equals("<=")) {
                    high = "<= " + value;
                }
            }
        }
        String range = low == null && high == null ? "" : " (version " + join(low, high) + ")";
        String what = switch (namespace) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "Java package " + name;
            case "osgi.wiring.bundle" -> "bundle " + name;
            case "osgi.ee" -> "Java runtime " + filter;
            case "osgi.service" -> "service " + filter;
            case "osgi.extender" -> "extender " + name;
            default -> namespace + " " + filter;
        };
        return "needs " + what + range + ", which no installed bundle or the platform provides";
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " and " + b;
    }
}
