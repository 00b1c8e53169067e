import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Build check for plugin bundles: the shell's front-end bundle is compiled when Siyu is built, so a plugin
 * installed later may use every standard Vaadin component but no JavaScript or CSS of its own. This fails the
 * build when a class of the plugin carries {@code @JsModule}, {@code @JavaScript}, {@code @NpmPackage},
 * {@code @CssImport} or {@code @Uses} — the annotations that need a front-end build.
 *
 * <p>Run with a JDK 21+ as a single source file: {@code java FrontendRule.java target/my-plugin.jar}.
 * Exit code 0: the jar follows the rule; 1: it does not (each offending class is listed); 2: usage error.
 */
public final class FrontendRule {

    private static final String[] FORBIDDEN = {
        "Lcom/vaadin/flow/component/dependency/JsModule;",
        "Lcom/vaadin/flow/component/dependency/JsModule$Container;",
        "Lcom/vaadin/flow/component/dependency/JavaScript;",
        "Lcom/vaadin/flow/component/dependency/NpmPackage;",
        "Lcom/vaadin/flow/component/dependency/CssImport;",
        "Lcom/vaadin/flow/component/dependency/Uses;",
    };

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java FrontendRule.java <plugin.jar>");
            System.exit(2);
        }
        List<String> problems = check(args[0]);
        if (problems.isEmpty()) {
            System.out.println("[siyu] front-end rule: " + args[0] + " uses no JavaScript of its own - OK");
            return;
        }
        System.err.println("[siyu] front-end rule violated in " + args[0] + ":");
        problems.forEach(p -> System.err.println("  " + p));
        System.err.println("A plugin may use every standard Vaadin component but no @JsModule/@JavaScript/@NpmPackage/"
                + "@CssImport/@Uses: the shell's front-end is compiled when Siyu is built. See docs/sdk/getting-started.md.");
        System.exit(1);
    }

    static List<String> check(String jarPath) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                String text;
                try (InputStream in = jar.getInputStream(entry)) {
                    text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                for (String descriptor : FORBIDDEN) {
                    if (text.contains(descriptor)) {
                        String annotation = descriptor.substring(descriptor.lastIndexOf('/') + 1, descriptor.length() - 1);
                        problems.add(entry.getName() + " uses @" + annotation.replace('$', '.'));
                    }
                }
            }
        }
        return problems;
    }
}
