package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siyu.api.security.Role;

/** The REST contract that scripts rely on, against a real node. */
class RestApiTest {

    @TempDir
    static Path home;
    static TestHost node;
    static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
        adminToken = node.token("admin", TestHost.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void healthShouldBeUpWithEveryBundleAndNeedNoAuth() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/health").GET());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"status\":\"UP\",\"version\":\"0.1.0-SNAPSHOT\",\"bundles\":["), r.body());
        assertTrue(r.body().contains("{\"symbolicName\":\"org.apache.felix.scr\",\"version\":\"2.2.18\",\"state\":\"ACTIVE\"}"), r.body());
    }

    @Test
    void wrongPasswordShouldGive401WithAJsonError() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/v1/auth/token")
                .POST(BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"nope\"}")));
        assertEquals(401, r.statusCode());
        assertEquals("{\"error\":\"unauthorized\",\"detail\":\"wrong username or password\"}", r.body());
    }

    @Test
    void missingFieldShouldBeNamed() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/v1/auth/token").POST(BodyPublishers.ofString("{\"username\":\"admin\"}")));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("field 'password' is required"), r.body());
    }

    @Test
    void pluginsShouldNeedAToken() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/v1/plugins").GET());
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"unauthorized\""), r.body());
    }

    @Test
    void uploadAndDeleteShouldInstallAndRemoveThePlugin() throws Exception {
        HttpResponse<String> created = node.send(node.request("/api/v1/plugins")
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/java-archive")
                .POST(BodyPublishers.ofByteArray(TestHost.read(TestHost.sampleJar()))));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"symbolicName\":\"org.siyu.samples.notes\""), created.body());
        assertTrue(created.body().contains("\"state\":\"ACTIVE\""), created.body());

        HttpResponse<String> list = node.send(node.request("/api/v1/plugins").header("Authorization", "Bearer " + adminToken).GET());
        assertTrue(list.body().contains("org.siyu.samples.notes"), list.body());

        HttpResponse<String> deleted = node.send(node.request("/api/v1/plugins/org.siyu.samples.notes")
                .header("Authorization", "Bearer " + adminToken).DELETE());
        assertEquals(204, deleted.statusCode(), deleted.body());
        HttpResponse<String> after = node.send(node.request("/api/v1/plugins").header("Authorization", "Bearer " + adminToken).GET());
        assertTrue(!after.body().contains("org.siyu.samples.notes"), after.body());

        HttpResponse<String> again = node.send(node.request("/api/v1/plugins/org.siyu.samples.notes")
                .header("Authorization", "Bearer " + adminToken).DELETE());
        assertEquals(404, again.statusCode());
    }

    @Test
    void aJarThatIsNotABundleShouldBeRefusedWith400() throws Exception {
        HttpResponse<String> r = upload(Jars.withManifest(Map.of("Created-By", "test")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("not an OSGi bundle"), r.body());
    }

    @Test
    void anUnresolvableBundleShouldBeRefusedWithItsMissingPackageInPlainWords() throws Exception {
        HttpResponse<String> r = upload(Jars.withManifest(Map.of(
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.example.needs.missing",
                "Bundle-Version", "1.0.0",
                "Import-Package", "com.acme.missing;version=\"[1.2,2)\"")));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("needs Java package com.acme.missing (version >= 1.2.0 and < 2.0.0)"), r.body());
        HttpResponse<String> list = node.send(node.request("/api/v1/plugins").header("Authorization", "Bearer " + adminToken).GET());
        assertTrue(!list.body().contains("org.example.needs.missing"), "a refused plugin must not stay installed");
    }

    @Test
    void aViewerShouldNotInstallPlugins() throws Exception {
        node.host.accounts().create("viewer1", "viewer-password", Role.VIEWER, "test");
        String token = node.token("viewer1", "viewer-password");
        HttpResponse<String> r = node.send(node.request("/api/v1/plugins")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/java-archive")
                .POST(BodyPublishers.ofByteArray(TestHost.read(TestHost.sampleJar()))));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("needs the role admin"), r.body());
        assertEquals(403, node.send(node.request("/api/v1/plugins").header("Authorization", "Bearer " + token).GET()).statusCode(),
                "listing plugins needs the operator role, as in the shell");
        node.host.accounts().create("operator1", "operator-password", Role.OPERATOR, "test");
        String operator = node.token("operator1", "operator-password");
        assertEquals(200, node.send(node.request("/api/v1/plugins").header("Authorization", "Bearer " + operator).GET()).statusCode());
    }

    @Test
    void pluginChangesAndLoginsShouldBeAudited() throws Exception {
        uploadAndDeleteShouldInstallAndRemoveThePlugin();
        var actions = node.host.audit().recent(100).stream().map(e -> e.actor() + " " + e.action() + " " + e.target()).toList();
        assertTrue(actions.contains("admin plugin.install org.siyu.samples.notes"), actions.toString());
        assertTrue(actions.contains("admin plugin.uninstall org.siyu.samples.notes"), actions.toString());
        assertTrue(actions.contains("admin login admin"), actions.toString());
    }

    private HttpResponse<String> upload(byte[] jar) throws Exception {
        return node.send(node.request("/api/v1/plugins")
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/java-archive")
                .POST(BodyPublishers.ofByteArray(jar)));
    }
}
