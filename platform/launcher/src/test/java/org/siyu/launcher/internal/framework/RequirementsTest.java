package org.siyu.launcher.internal.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequirementsTest {

    @Test
    void shouldDescribeAMissingPackageWithItsRangeInPlainWords() {
        String line = Requirements.describe("osgi.wiring.package", Map.of("filter",
                "(&(osgi.wiring.package=com.acme.missing)(version>=1.2.0)(!(version>=2.0.0)))"));
        assertEquals("needs Java package com.acme.missing (version >= 1.2.0 and < 2.0.0), which no installed bundle or the platform provides", line);
    }

    @Test
    void shouldDescribeAMissingPackageWithoutRange() {
        assertEquals("needs Java package org.example, which no installed bundle or the platform provides",
                Requirements.describe("osgi.wiring.package", Map.of("filter", "(osgi.wiring.package=org.example)")));
    }

    @Test
    void shouldDescribeARequiredBundle() {
        assertEquals("needs bundle org.example.core (version >= 1.0.0), which no installed bundle or the platform provides",
                Requirements.describe("osgi.wiring.bundle", Map.of("filter", "(&(osgi.wiring.bundle=org.example.core)(bundle-version>=1.0.0))")));
    }
}
