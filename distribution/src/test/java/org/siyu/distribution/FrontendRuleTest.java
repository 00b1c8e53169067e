package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin build's front-end rule (sdk/build-tools/FrontendRule.java) passes clean jars and fails the others. */
class FrontendRuleTest {

    private static final Path RULE = Path.of("..", "sdk", "build-tools", "FrontendRule.java");

    @TempDir
    Path dir;

    @Test
    void shouldPassTheSamplePlugin() throws Exception {
        Result r = run(TestHost.sampleJar());
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("uses no JavaScript of its own"), r.output);
    }

    @Test
    void shouldFailAJarWhoseClassCarriesJsModule() throws Exception {
        Path jar = dir.resolve("bad.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/Chart.class"));
            // The constant pool of a class annotated with @JsModule holds the annotation's descriptor.
            out.write("\u00ca\u00fe\u00ba\u00be....Lcom/vaadin/flow/component/dependency/JsModule;...."
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        Result r = run(jar);
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("com/example/Chart.class uses @JsModule"), r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path jar) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, RULE.toString(), jar.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
