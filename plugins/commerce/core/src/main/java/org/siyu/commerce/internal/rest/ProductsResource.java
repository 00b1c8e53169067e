package org.siyu.commerce.internal.rest;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.commerce.Product;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.commerce.internal.CommercePermissions;
import org.siyu.commerce.internal.catalogue.Catalogue;
import org.siyu.commerce.internal.catalogue.ProductInput;

/**
 * {@code /api/v1/products}: {@code GET} (search {@code q}, {@code offset}, {@code limit}), {@code GET <id>},
 * {@code POST} a product with SKUs (201 with the ids), {@code PUT <id>} its name, description, images and on-sale
 * flag, {@code POST <id>/skus} another SKU, {@code POST <id>/stock} an adjustment {@code {"skuCode","delta","reason"}}.
 * Reading needs {@code commerce.view}, writing {@code commerce.catalogue.manage}.
 */
@Component
public class ProductsResource implements RestResource {

    /** The body of a stock adjustment. */
    public record StockBody(String skuCode, Integer delta, String reason) {
    }

    private final Catalogue catalogue;

    @Activate
    public ProductsResource(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return "products";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        List<String> path = request.segments();
        String method = request.method();
        String user = request.user().username();
        if (path.isEmpty() && method.equals("GET")) {
            Rest.require(request, CommercePermissions.VIEW);
            String q = request.query("q").orElse("");
            int offset = Rest.intParam(request, "offset", 0, 0, Integer.MAX_VALUE);
            int limit = Rest.intParam(request, "limit", 50, 1, 500);
            return Map.of("total", catalogue.count(q), "items",
                    catalogue.find(q, offset, limit).stream().map(this::view).toList());
        }
        if (path.isEmpty() && method.equals("POST")) {
            Rest.require(request, CommercePermissions.CATALOGUE);
            ProductInput in = request.body(ProductInput.class);
            Product created = Rest.call(() -> catalogue.create(in, user));
            response.status(201);
            response.header("Location", "/api/v1/products/" + created.id());
            return view(created);
        }
        if (path.isEmpty()) {
            throw notAllowed(method);
        }
        long id = Rest.id(path.getFirst(), "product");
        if (path.size() == 1 && method.equals("GET")) {
            Rest.require(request, CommercePermissions.VIEW);
            return view(catalogue.product(id).orElseThrow(() -> RestException.notFound("there is no product " + id)));
        }
        if (path.size() == 1 && method.equals("PUT")) {
            Rest.require(request, CommercePermissions.CATALOGUE);
            ProductInput in = request.body(ProductInput.class);
            return view(Rest.call(() -> catalogue.update(id, in, user)));
        }
        if (path.size() == 2 && path.get(1).equals("skus") && method.equals("POST")) {
            Rest.require(request, CommercePermissions.CATALOGUE);
            ProductInput.SkuInput in = request.body(ProductInput.SkuInput.class);
            Rest.call(() -> catalogue.addSku(id, in, user));
            response.status(201);
            return view(catalogue.product(id).orElseThrow());
        }
        if (path.size() == 2 && path.get(1).equals("stock") && method.equals("POST")) {
            Rest.require(request, CommercePermissions.CATALOGUE);
            StockBody in = request.body(StockBody.class);
            if (in.delta() == null) {
                throw RestException.badRequest("delta: is required (units to add, negative to take)");
            }
            Product product = catalogue.product(id).orElseThrow(() -> RestException.notFound("there is no product " + id));
            if (in.skuCode() == null || product.skus().stream().noneMatch(s -> s.code().equals(in.skuCode()))) {
                throw RestException.badRequest("skuCode: product " + id + " has no SKU '" + in.skuCode() + "'");
            }
            return Rest.call(() -> catalogue.adjust(in.skuCode(), in.delta(), in.reason(), user));
        }
        throw RestException.notFound("no such products resource: " + String.join("/", path) + " with " + method);
    }

    private Views.ProductView view(Product p) {
        return Views.product(p, catalogue::available);
    }

    private static RestException notAllowed(String method) {
        return new RestException(405, "method not allowed", method + " is not supported on /api/v1/products; use GET"
                + " or POST");
    }
}
