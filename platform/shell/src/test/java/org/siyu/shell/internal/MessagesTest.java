package org.siyu.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.security.Role;
import org.siyu.api.ui.Perspective;

class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/siyu/shell/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing in messages_zh_CN.properties");
        assertEquals(Set.of(), onlyZh, "keys missing in messages.properties");
        assertTrue(en.size() > 50);
    }

    @Test
    void chineseIsReallyChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        assertEquals("插件", zh.getProperty("plugins.title"));
        assertEquals("插件", Messages.of(Locale.CHINA).t("plugins.title"));
        assertEquals("插件", Messages.of(Locale.forLanguageTag("zh-TW")).t("plugins.title"));
        assertEquals("Plugins", Messages.of(Locale.ENGLISH).t("plugins.title"));
        assertEquals("Plugins", Messages.of(Locale.GERMAN).t("plugins.title"));
        assertEquals("Plugins", Messages.of(null).t("plugins.title"));
    }

    @Test
    void englishDoesNotFallBackToTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CHINA);
            assertEquals("Audit log", Messages.of(Locale.ENGLISH).t("audit.title"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formatsArgumentsAndMarksMissingKeys() {
        assertEquals("Open: Notes", Messages.of(Messages.EN).t("palette.open", "Notes"));
        assertEquals("打开：笔记", Messages.of(Messages.ZH).t("palette.open", "笔记"));
        assertEquals("!no.such.key!", Messages.of(Messages.EN).t("no.such.key"));
        assertEquals("Platform", Messages.text("platform.group").en());
        assertEquals("平台", Messages.text("platform.group").zh());
    }

    /** Every literal key the code asks for, and every enum-built key, exists (in both, by the test above). */
    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern call = Pattern.compile("(?:\\.t|Messages\\.text|entry\\([A-Z_]+, )\\(?\"([a-z][a-zA-Z0-9_.]*)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = call.matcher(Files.readString(f));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Set<String> prefixes = new TreeSet<>(used.stream().filter(k -> k.endsWith(".")).toList());
        assertEquals(Set.of("perspective.", "role.", "jobs.state.", "searchindex.state."), prefixes,
                "keys built at run time are checked per enum value below");
        used.removeAll(prefixes);
        assertTrue(used.size() > 40, "found only " + used);
        assertTrue(used.contains("plugins.title"), "the built-in view titles are scanned too");
        for (Perspective p : Perspective.values()) {
            used.add("perspective." + p.name());
        }
        for (Role r : Role.values()) {
            used.add("role." + r.name());
        }
        for (JobInfo.State st : JobInfo.State.values()) {
            used.add("jobs.state." + st.name());
        }
        for (String st : List.of("OPENING", "READY", "FAILED")) {
            used.add("searchindex.state." + st);
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(en::containsKey);
        assertEquals(Set.of(), missing);
        assertFalse(en.isEmpty());
    }
}
