package org.siyu.launcher.internal.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemPackagesTest {

    @Test
    void shouldTurnMavenVersionsIntoOsgiVersions() {
        assertEquals("25.2.6", SystemPackages.toOsgiVersion("25.2.6"));
        assertEquals("7.4.13.Final", SystemPackages.toOsgiVersion("7.4.13.Final"));
        assertEquals("1.0.0.rc1", SystemPackages.toOsgiVersion("1.0-rc1"));
        assertEquals("3.0.0", SystemPackages.toOsgiVersion("3"));
        assertNull(SystemPackages.toOsgiVersion("unknown"));
    }

    @Test
    void shouldExportOnlyTheAllowList() {
        assertTrue(SystemPackages.allowed("org.siyu.api.ui"));
        assertTrue(SystemPackages.allowed("com.vaadin.flow.component"));
        assertTrue(SystemPackages.allowed("org.hibernate.proxy"));
        assertFalse(SystemPackages.allowed("org.siyu.launcher.internal.persistence"), "the host's internals stay private");
        assertFalse(SystemPackages.allowed("org.siyu.shell.backend"));
        assertFalse(SystemPackages.allowed("org.eclipse.jetty.server"));
        assertFalse(SystemPackages.allowed("com.vaadinx"));
    }

    @Test
    void shouldReadExportHeadersWithQuotedUsesClauses() {
        Map<String, String> parsed = ExportHeader.parse(
                "org.siyu.api.ui;version=\"1.0.0\";uses:=\"com.vaadin.flow.component,org.siyu.api.i18n\",org.siyu.api.i18n;version=\"1.2.0\",a.b;c.d;version=2.0");
        assertEquals(Map.of("org.siyu.api.ui", "1.0.0", "org.siyu.api.i18n", "1.2.0", "a.b", "2.0", "c.d", "2.0"), parsed);
    }

    @Test
    void shouldExportTheSdkWithItsPackageVersions() {
        String exports = SystemPackages.compute(SystemPackages.hostClassPath());
        assertTrue(exports.contains("org.siyu.api.ui;version=\"1.0.0\""), exports.length() > 400 ? exports.substring(0, 400) : exports);
        assertTrue(exports.contains("jakarta.persistence;version=\"3.2.0\""));
        assertFalse(exports.contains("org.siyu.launcher"));
    }
}
