package org.siyu.commerce.codes.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.siyu.api.commerce.CommerceService;
import org.siyu.api.commerce.Product;
import org.siyu.api.commerce.Sku;
import org.siyu.api.events.Event;
import org.siyu.api.events.EventBus;
import org.siyu.api.identity.IdentityService;
import org.siyu.api.identity.Resolution;
import org.siyu.api.jobs.JobInfo;
import org.siyu.api.jobs.JobService;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.commerce.codes.internal.CodeExceptions.AlreadyBound;
import org.siyu.commerce.codes.internal.CodeExceptions.CommerceUnavailable;
import org.siyu.commerce.codes.internal.CodeExceptions.UnknownCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One item, one code: batches of codes made by a job, the export, and binding a code to its buyer. OneID and the
 * event bus are required (static); commerce and the host's jobs are optional and dynamic. Creating a batch needs
 * both (commerce names the product, the job makes the codes); looking a code up and binding it need neither, since a
 * batch keeps its product and SKU: a code printed on a box stays bindable while commerce is being reinstalled.
 */
@Component(service = CodeService.class, configurationPid = CodesConfig.PID)
@Designate(ocd = CodesConfig.class)
public class CodeService {

    /** The job kind, a stable machine name. */
    public static final String JOB_KIND = "commerce.codes.generate";
    /** The most codes of one batch. */
    public static final int MAX_QUANTITY = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(CodeService.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final PersistenceUnit unit;
    private final IdentityService identity;
    private final EventBus events;
    private final Clock clock;
    private final Random random;
    private final CodeStore store = new CodeStore();
    private volatile String scanUrl;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommerceService commerce;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobService jobs;

    @Activate
    public CodeService(@Reference(target = "(" + PersistenceUnit.NAME_PROPERTY + "=" + CodeEntities.UNIT + ")")
            PersistenceUnit unit, @Reference IdentityService identity, @Reference EventBus events,
            CodesConfig config) {
        this(unit, identity, events, null, null, config.scanUrl(), new SecureRandom(), Clock.systemUTC());
    }

    /** For tests: the optional services given, a random source and a clock. */
    CodeService(PersistenceUnit unit, IdentityService identity, EventBus events, CommerceService commerce,
            JobService jobs, String scanUrl, Random random, Clock clock) {
        this.unit = unit;
        this.identity = identity;
        this.events = events;
        this.commerce = commerce;
        this.jobs = jobs;
        this.scanUrl = scanUrl;
        this.random = random;
        this.clock = clock;
        int interrupted = unit.inTransaction(em -> store.interruptUnfinished(em, clock.instant(), BatchRun.ACTIVE));
        if (interrupted > 0) {
            LOG.warn("{} code batch(es) were generating when the node stopped; marked INTERRUPTED", interrupted);
        }
    }

    @Modified
    void modified(CodesConfig config) {
        scanUrl = config.scanUrl();
    }

    public boolean commerceAvailable() {
        return commerce != null;
    }

    public boolean jobsAvailable() {
        return jobs != null;
    }

    /**
     * Products whose name or SKU codes contain {@code text}, for the batch form.
     *
     * @throws CommerceUnavailable without commerce
     */
    public List<Product> products(String text, int limit) {
        CommerceService c = commerce;
        if (c == null) {
            throw new CommerceUnavailable();
        }
        return c.findProducts(text == null ? "" : text, limit);
    }

    /** The URL a code's QR points to. */
    public String url(String code) {
        return scanUrl.replace("{code}", code);
    }

    // --- batches ---------------------------------------------------------------------------------------------------

    /** A batch that was started: its record and the host's job. */
    public record Started(long batchId, long jobId) {
    }

    /**
     * Records a batch and starts the job that makes its codes; returns at once.
     *
     * @param skuCode the SKU, or {@code null} for codes of the product as a whole
     * @throws IllegalArgumentException naming the field: no such product, a SKU not of the product, a quantity out of
     *                                  range, a note too long
     * @throws CommerceUnavailable      without commerce
     * @throws IllegalStateException    without the host's job service
     */
    public Started createBatch(long productId, String skuCode, int quantity, String note, String actor) {
        CommerceService c = commerce;
        if (c == null) {
            throw new CommerceUnavailable();
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity: between 1 and " + MAX_QUANTITY + " codes per batch, was "
                    + quantity);
        }
        if (note != null && note.length() > 200) {
            throw new IllegalArgumentException("note: at most 200 characters");
        }
        Product product = c.product(productId).orElseThrow(() ->
                new IllegalArgumentException("productId: there is no product " + productId));
        String sku = skuCode == null || skuCode.isBlank() ? null : skuCode.strip();
        if (sku != null) {
            Sku found = c.sku(sku).orElseThrow(() -> new IllegalArgumentException("skuCode: there is no SKU " + sku));
            if (found.productId() != productId) {
                throw new IllegalArgumentException("skuCode: the SKU " + sku + " is not of product " + productId
                        + " but of product " + found.productId());
            }
        }
        JobService jobService = jobs;
        if (jobService == null) {
            throw new IllegalStateException("codes are made by a job and the platform's job service is not "
                    + "available");
        }
        Instant now = clock.instant();
        long id = unit.inTransaction(em -> store.createBatch(em, productId, product.name(), sku, quantity, note,
                actor, now));
        return startJob(id, product.name(), actor, jobService);
    }

    /**
     * Makes the codes an interrupted, failed or cancelled batch still lacks.
     *
     * @throws IllegalArgumentException when there is no such batch or it is generating or ready
     * @throws IllegalStateException    without the host's job service
     */
    public Started resume(long batchId, String actor) {
        Batch batch = batch(batchId).orElseThrow(() -> new IllegalArgumentException("there is no batch " + batchId));
        if (batch.state() == BatchState.GENERATING || batch.state() == BatchState.READY) {
            throw new IllegalArgumentException("batch " + batchId + " is " + batch.state().name().toLowerCase()
                    + "; only an interrupted, failed or cancelled batch is resumed");
        }
        JobService jobService = jobs;
        if (jobService == null) {
            throw new IllegalStateException("codes are made by a job and the platform's job service is not "
                    + "available");
        }
        unit.inTransaction(em -> {
            store.state(em, batchId, BatchState.GENERATING, "resumed by " + actor, null);
            return null;
        });
        return startJob(batchId, batch.productName(), actor, jobService);
    }

    private Started startJob(long id, String productName, String actor, JobService jobService) {
        BatchRun run = new BatchRun(id, unit, store, random, clock);
        BatchRun.ACTIVE.add(id);
        JobInfo job;
        try {
            job = jobService.start(JOB_KIND, "Product codes: " + productName, actor, run);
        } catch (RuntimeException e) {
            BatchRun.ACTIVE.remove(id);
            unit.inTransaction(em -> {
                store.state(em, id, BatchState.FAILED, "the job could not start: " + e.getMessage(), clock.instant());
                return null;
            });
            throw e;
        }
        unit.inTransaction(em -> {
            store.jobId(em, id, job.id());
            return null;
        });
        return new Started(id, job.id());
    }

    public Optional<Batch> batch(long id) {
        return unit.inTransaction(em -> store.batch(em, id));
    }

    public List<Batch> batches(int limit) {
        return unit.inTransaction(em -> store.batches(em, limit));
    }

    /** The codes of a batch by serial, from {@code fromSerial} (1-based) on, at most {@code limit}. */
    public List<CodeInfo> codes(long batchId, int fromSerial, int limit) {
        return unit.inTransaction(em -> store.codes(em, batchId, fromSerial, limit));
    }

    /** Asks a batch's job to stop after its current chunk. */
    public boolean cancel(long batchId, String actor) {
        JobService jobService = jobs;
        Optional<Batch> batch = batch(batchId);
        if (jobService == null || batch.isEmpty() || batch.get().jobId() == null) {
            return false;
        }
        return jobService.cancel(batch.get().jobId(), actor);
    }

    // --- codes -----------------------------------------------------------------------------------------------------

    /**
     * A code as typed or scanned (case, dashes and look-alike letters do not matter).
     *
     * @throws UnknownCode when there is no such code
     */
    public CodeInfo code(String input) {
        String code = CodeFormat.normalize(input);
        if (code == null) {
            throw new UnknownCode(input);
        }
        return unit.inTransaction(em -> store.code(em, code)).orElseThrow(() -> new UnknownCode(input));
    }

    /**
     * Binds a code to the customer of these identities (resolved through OneID, created if new), records the channel
     * the buyer bought it on, and publishes {@code product.registered} with the customer as subject, all in one
     * transaction. A code binds once: of two simultaneous binds one succeeds and the other is refused, and a refused
     * bind leaves nothing behind (not even a customer OneID would have created for it).
     *
     * @param identities {@code <channel>:<value>}, at least one
     * @param channel    where the unit was bought ({@code tmall}, {@code store}, …), or {@code null}
     * @throws UnknownCode              for no such code
     * @throws AlreadyBound             when the code is bound already
     * @throws IllegalArgumentException naming the identity or the channel that is wrong
     */
    public CodeInfo bind(String input, List<String> identities, String channel, String actor) {
        String code = CodeFormat.normalize(input);
        if (code == null) {
            throw new UnknownCode(input);
        }
        if (identities == null || identities.isEmpty()) {
            throw new IllegalArgumentException("identities: at least one <channel>:<value>, e.g. wechat:<unionid> or "
                    + "phone:+8613800000000");
        }
        String ch = channel == null || channel.isBlank() ? null : channel.strip();
        if (ch != null && !CHANNEL.matcher(ch).matches()) {
            throw new IllegalArgumentException("channel: '" + channel + "' is not a channel id (lower-case letters, "
                    + "digits and '-', such as tmall, jd, store)");
        }
        try {
            return unit.inTransaction(em -> {
                CodeInfo before = store.code(em, code).orElseThrow(() -> new UnknownCode(input));
                if (before.bound()) {
                    throw new AlreadyBound(before);
                }
                Resolution buyer = identity.resolve(identities, Map.of());
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored: the answer is what a read gives
                if (store.bind(em, code, buyer.customerId(), ch, now, actor) == 0) {
                    // another bind committed between the read and the update: ours rolls back whole
                    throw new AlreadyBound(store.code(em, code).orElseThrow());
                }
                events.publish(new Event(0, "commerce:code:" + code + ":registered", "product.registered", "commerce",
                        buyer.customerId(), now, data(before, ch)));
                return new CodeInfo(code, before.batchId(), before.serial(), before.productId(), before.skuCode(),
                        buyer.customerId(), ch, now);
            });
        } catch (AlreadyBound | UnknownCode | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // The database may refuse the second of two simultaneous updates of one row outright (a lock timeout,
            // H2's "concurrent update") instead of letting it see the first: that bind lost the race too.
            CodeInfo now = unit.inTransaction(em -> store.code(em, code)).orElseThrow(() -> e);
            if (now.bound()) {
                throw new AlreadyBound(now);
            }
            throw e;
        }
    }

    /** {@code product.registered}'s data as the SDK's commerce package describes it. */
    private static String data(CodeInfo code, String channel) {
        return "{\"code\":" + json(code.code()) + ",\"productId\":" + code.productId() + ",\"skuCode\":"
                + json(code.skuCode()) + ",\"batchId\":" + code.batchId() + ",\"channel\":" + json(channel) + "}";
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
