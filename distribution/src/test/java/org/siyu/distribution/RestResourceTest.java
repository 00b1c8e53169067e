package org.siyu.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle's RestResource is served under /api/v1/<name> with the platform's auth, JSON and error shape. */
class RestResourceTest {

    @TempDir
    static Path home;
    @TempDir
    static Path work;
    static TestHost node;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        node = TestHost.start(home);
        node.host.plugins().install("echo.jar", new ByteArrayInputStream(echoBundle()), "test");
        token = node.token("admin", TestHost.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void shouldServeTheResourceWithSegmentsQueryAndUser() throws Exception {
        HttpResponse<String> r = get("/api/v1/echo/a/b%20c?x=1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"segments\":[\"a\",\"b c\"],\"x\":\"1\",\"user\":\"admin\"}", r.body());
    }

    @Test
    void shouldBindTheBodyAndLetTheResourceSetTheStatus() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/v1/echo").header("Authorization", "Bearer " + token)
                .POST(BodyPublishers.ofString("{\"name\":\"猫主人\",\"count\":3}")));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("{\"name\":\"猫主人\",\"count\":3}", r.body());
    }

    @Test
    void aBodyOfTheWrongShapeShouldNameTheField() throws Exception {
        HttpResponse<String> r = node.send(node.request("/api/v1/echo").header("Authorization", "Bearer " + token)
                .POST(BodyPublishers.ofString("{\"name\":\"x\",\"count\":\"many\"}")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("field 'count'"), r.body());
    }

    @Test
    void aRestExceptionShouldBecomeTheCommonErrorShape() throws Exception {
        HttpResponse<String> r = get("/api/v1/echo/conflict");
        assertEquals(409, r.statusCode());
        assertEquals("{\"error\":\"conflict\",\"detail\":\"already done\"}", r.body());
    }

    @Test
    void shouldNeedATokenAndAnswer404ForAnUnknownResource() throws Exception {
        assertEquals(401, node.send(node.request("/api/v1/echo/a").GET()).statusCode());
        HttpResponse<String> r = get("/api/v1/nothing-here");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("may not be installed"), r.body());
    }

    @Test
    void theResourceShouldGoWithItsBundle() throws Exception {
        try {
            node.host.plugins().uninstall("org.example.echo", "test");
            assertEquals(404, get("/api/v1/echo/a").statusCode());
        } finally {
            node.host.plugins().install("echo.jar", new ByteArrayInputStream(echoBundle()), "test");
        }
        assertEquals(200, get("/api/v1/echo/a").statusCode());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return node.send(node.request(path).header("Authorization", "Bearer " + token).GET());
    }

    private static byte[] echoBundle() throws Exception {
        return TestBundles.build(work,
                Map.of("Bundle-SymbolicName", "org.example.echo", "Bundle-Version", "1.0.0",
                        "Bundle-Activator", "org.example.echo.Activator",
                        "Import-Package", "org.osgi.framework,org.siyu.api.rest,org.siyu.api.security"),
                Map.of("org/example/echo/Activator.java", """
                        package org.example.echo;
                        import java.util.*;
                        import org.osgi.framework.*;
                        import org.siyu.api.rest.*;
                        public class Activator implements BundleActivator {
                            public record Thing(String name, int count) { }
                            public void start(BundleContext context) {
                                context.registerService(RestResource.class, new RestResource() {
                                    public String name() { return "echo"; }
                                    public Object handle(RestRequest req, RestResponse resp) throws Exception {
                                        if (req.method().equals("POST")) {
                                            resp.status(201);
                                            return req.body(Thing.class);
                                        }
                                        if (req.segments().equals(List.of("conflict"))) {
                                            throw RestException.conflict("already done");
                                        }
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("segments", req.segments());
                                        m.put("x", req.query("x").orElse(null));
                                        m.put("user", req.user().username());
                                        return m;
                                    }
                                }, null);
                            }
                            public void stop(BundleContext context) { }
                        }
                        """),
                Map.of());
    }
}
