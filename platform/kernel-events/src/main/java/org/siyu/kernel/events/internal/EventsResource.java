package org.siyu.kernel.events.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.siyu.api.events.Event;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.rest.RestException;
import org.siyu.api.rest.RestRequest;
import org.siyu.api.rest.RestResource;
import org.siyu.api.rest.RestResponse;
import org.siyu.api.security.Role;
import org.siyu.api.security.User;

/**
 * {@code /api/v1/events}: ingestion, reading by offset or subject, dead letters and their replay, subscriber
 * positions and resets. Every call needs the role operator: events carry customers' personal data.
 */
@Component
public class EventsResource implements RestResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** How long a replay request waits for the subscriber's thread before answering 202. */
    private static final long REPLAY_WAIT_SECONDS = 10;

    private final EventBusService bus;
    private final Delivery delivery;
    private final Ingestion ingestion;
    private final Clock clock;

    @Activate
    public EventsResource(@Reference EventBusService bus, @Reference Delivery delivery,
            @Reference IdentityService identities,
            @Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + EventsEntities.UNIT + ")") PersistenceUnit unit) {
        this(bus, delivery, new Ingestion(unit, bus, identities), Clock.systemUTC());
    }

    EventsResource(EventBusService bus, Delivery delivery, Ingestion ingestion, Clock clock) {
        this.bus = bus;
        this.delivery = delivery;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public Object handle(RestRequest request, RestResponse response) throws Exception {
        requireOperator(request.user());
        List<String> path = request.segments();
        String method = request.method();
        if (path.isEmpty()) {
            return switch (method) {
                case "GET" -> list(request);
                case "POST" -> ingest(request, response);
                default -> throw notAllowed(method, "GET, POST");
            };
        }
        if (path.get(0).equals("dead-letters")) {
            if (path.size() == 1) {
                requireMethod(method, "GET");
                boolean all = request.query("all").map(Boolean::parseBoolean).orElse(false);
                return delivery.deadLetters(all, intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)).stream()
                        .map(EventsResource::json).toList();
            }
            if (path.size() == 3 && path.get(2).equals("replay")) {
                requireMethod(method, "POST");
                return replay(longSegment(path.get(1), "dead letter id"), response);
            }
        }
        if (path.get(0).equals("subscribers")) {
            if (path.size() == 1) {
                requireMethod(method, "GET");
                return delivery.subscribers().stream().map(EventsResource::json).toList();
            }
            if (path.size() == 3 && path.get(2).equals("reset")) {
                requireMethod(method, "POST");
                long from = longParam(request, "from");
                long position = delivery.reset(path.get(1), from);
                return Map.of("subscriberId", path.get(1), "position", position, "nextOffset", position + 1);
            }
        }
        throw RestException.notFound("no such resource: /api/v1/events/" + String.join("/", path));
    }

    private Object ingest(RestRequest request, RestResponse response) throws RestException {
        List<?> items = request.body(List.class);
        if (items.isEmpty()) {
            throw RestException.badRequest("the body is an empty array; send at least one event");
        }
        if (items.size() > IngestValidation.MAX_EVENTS) {
            throw RestException.badRequest("the body has " + items.size() + " events; at most "
                    + IngestValidation.MAX_EVENTS + " per request");
        }
        IngestValidation.Checked checked = IngestValidation.check(items, clock.instant());
        Ingestion.Result result = ingestion.ingest(checked);
        if (result.rejected().size() == items.size()) {
            response.status(400);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", result.accepted());
        answer.put("duplicates", result.duplicates());
        answer.put("rejected", result.rejected().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", r.index());
            m.put("field", r.field());
            m.put("detail", r.detail());
            return m;
        }).toList());
        return answer;
    }

    private Object list(RestRequest request) throws RestException {
        int limit = intParam(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (request.query("subject").isPresent()) {
            int subject = intParam(request, "subject", 0, 1, Integer.MAX_VALUE);
            return Map.of("events", bus.timeline(subject, limit).stream().map(EventsResource::json).toList());
        }
        long after = request.query("after").isPresent() ? longParam(request, "after") : 0;
        List<Event> events = bus.read(after, limit);
        long next = events.isEmpty() ? after : events.getLast().offset();
        return Map.of("events", events.stream().map(EventsResource::json).toList(), "next", next);
    }

    private Object replay(long id, RestResponse response) throws Exception {
        try {
            Dispatcher.ReplayOutcome outcome = delivery.replay(id).get(REPLAY_WAIT_SECONDS, TimeUnit.SECONDS);
            if (!outcome.replayed()) {
                throw RestException.conflict("the subscriber failed again: " + outcome.error()
                        + "; the dead letter stays and can be replayed later");
            }
            return Map.of("id", id, "replayed", true);
        } catch (NoSuchElementException e) {
            throw RestException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw RestException.conflict(e.getMessage());
        } catch (ExecutionException e) {
            throw RestException.conflict(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            response.status(202);
            return Map.of("id", id, "status", "queued",
                    "detail", "the subscriber is busy; the replay runs when it is free");
        }
    }

    static Map<String, Object> json(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offset", e.offset());
        m.put("id", e.id());
        m.put("type", e.type());
        m.put("source", e.source());
        m.put("subject", e.subject());
        m.put("time", e.time().toString());
        m.put("data", EventJson.toMap(e.data()));
        return m;
    }

    static Map<String, Object> json(DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("subscriberId", d.subscriberId());
        m.put("offset", d.offset());
        m.put("eventId", d.eventId());
        m.put("type", d.type());
        m.put("attempts", d.attempts());
        m.put("error", d.error());
        m.put("failedAt", d.failedAt().toString());
        m.put("replayedAt", d.replayedAt() == null ? null : d.replayedAt().toString());
        return m;
    }

    static Map<String, Object> json(Delivery.SubscriberState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("types", s.types());
        m.put("running", s.running());
        m.put("position", s.position());
        if (s.transients() != null) {
            long[] t = s.transients();
            m.put("transient", Map.of("delivered", t[0], "failed", t[1], "dropped", t[2], "waiting", t[3]));
        }
        return m;
    }

    private static void requireOperator(User user) throws RestException {
        if (user == null || !user.role().includes(Role.OPERATOR)) {
            throw RestException.forbidden("this needs the role operator; " + (user == null ? "nobody"
                    : user.username() + " is " + user.role().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static void requireMethod(String method, String allowed) throws RestException {
        if (!method.equals(allowed)) {
            throw notAllowed(method, allowed);
        }
    }

    private static RestException notAllowed(String method, String allowed) {
        return new RestException(405, "method not allowed", method + " is not allowed here; use " + allowed);
    }

    private static int intParam(RestRequest request, String name, int fallback, int min, int max) throws RestException {
        String raw = request.query(name).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestException.badRequest("parameter '" + name + "' must be a whole number from " + min + " to " + max);
    }

    private static long longParam(RestRequest request, String name) throws RestException {
        String raw = request.query(name).orElseThrow(() -> RestException.badRequest("parameter '" + name + "' is required"));
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestException.badRequest("parameter '" + name + "' must be an offset: a whole number ≥ 0");
    }

    private static long longSegment(String raw, String what) throws RestException {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw RestException.notFound("no " + what + " '" + raw + "'");
        }
    }
}
