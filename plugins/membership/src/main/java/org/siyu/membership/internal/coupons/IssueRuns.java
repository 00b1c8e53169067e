package org.siyu.membership.internal.coupons;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.siyu.api.jobs.JobProgress;
import org.siyu.api.persistence.PersistenceUnit;
import org.siyu.api.tags.SegmentSyntaxException;
import org.siyu.api.tags.TagService;
import org.siyu.membership.internal.MembershipEntities;
import org.siyu.membership.internal.MembershipException;
import org.siyu.support.jobs.Jobs;
import org.siyu.membership.internal.model.CouponTemplate;
import org.siyu.membership.internal.model.IssueRun;

/**
 * Issues a coupon template to every customer of a segment, as a job. The run is recorded first; each customer's coupon
 * carries the issue key {@code run:<id>}, so resuming a run (after a stop, or once the stock was raised) issues only
 * to the customers it missed. Stops when the stock runs out.
 */
@Component(service = IssueRuns.class)
public class IssueRuns {

    /** Customers per transaction. */
    static final int CHUNK = 200;

    private final PersistenceUnit unit;
    private final Coupons coupons;
    private final Jobs jobs;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TagService tags;

    @Activate
    public IssueRuns(@Reference(target = MembershipEntities.TARGET) PersistenceUnit unit, @Reference Coupons coupons,
            @Reference Jobs jobs) {
        this(unit, coupons, jobs, null, Clock.systemUTC());
    }

    public IssueRuns(PersistenceUnit unit, Coupons coupons, Jobs jobs, TagService tags, Clock clock) {
        this.unit = unit;
        this.coupons = coupons;
        this.jobs = jobs;
        this.tags = tags;
        this.clock = clock;
    }

    /** A started run and its job. */
    public record Started(IssueRun run, Jobs.Started job) {
    }

    /**
     * Records a run and starts its job.
     *
     * @throws MembershipException INVALID {@code segment} for a bad expression (with the parser's position), NOT_FOUND
     *                             or CONFLICT {@code templateId}, CONFLICT when the tag service is not running
     */
    public Started start(long templateId, String segment, String actor) {
        if (segment == null || segment.isBlank()) {
            throw MembershipException.invalid("segment", "segment must be a segment expression such as tag:VIP");
        }
        if (segment.length() > 2000) {
            throw MembershipException.invalid("segment", "segment must be at most 2000 characters");
        }
        TagService service = requireTags();
        long size;
        try {
            size = service.count(segment);
        } catch (SegmentSyntaxException e) {
            throw MembershipException.invalid("segment", e.getMessage());
        }
        CouponTemplate template = coupons.template(templateId);
        if (!template.active()) {
            throw MembershipException.conflict("templateId", "coupon template " + templateId + " is archived");
        }
        IssueRun run = unit.inTransaction(em -> {
            IssueRun r = new IssueRun(templateId, segment.strip(), actor, clock.instant());
            r.progress(size, 0, 0);
            em.persist(r);
            return r;
        });
        return new Started(run, launch(run.id(), template.name(), actor));
    }

    /** Runs a run again, for the customers it has not reached. */
    public Started resume(long runId, String actor) {
        IssueRun run = run(runId);
        if (run.state() == IssueRun.State.RUNNING) {
            throw MembershipException.conflict("runId", "issue run " + runId + " is running");
        }
        unit.inTransaction(em -> {
            em.find(IssueRun.class, runId).restart();
            return null;
        });
        return new Started(run(runId), launch(runId, coupons.template(run.templateId()).name(), actor));
    }

    public IssueRun run(long runId) {
        return unit.inTransaction(em -> {
            IssueRun run = em.find(IssueRun.class, runId);
            if (run == null) {
                throw MembershipException.notFound("runId", "no issue run with id " + runId);
            }
            return run;
        });
    }

    /** The newest runs first. */
    public List<IssueRun> recent(int limit) {
        return unit.inTransaction(em -> em.createQuery("select r from IssueRun r order by r.id desc", IssueRun.class)
                .setMaxResults(limit).getResultList());
    }

    private Jobs.Started launch(long runId, String templateName, String actor) {
        return jobs.start("membership.coupons.issue", "Issue coupon " + templateName + " (run " + runId + ")", actor,
                progress -> execute(runId, actor, progress));
    }

    /** The job's body; also called directly by tests. @return the summary */
    public String execute(long runId, String actor, JobProgress progress) {
        IssueRun run = run(runId);
        TagService service = requireTags();
        List<Integer> customers = new ArrayList<>();
        for (PrimitiveIterator.OfInt it = service.members(run.segment()); it.hasNext(); ) {
            customers.add(it.nextInt());
        }
        progress.total(customers.size());
        long issued = 0;
        long skipped = 0;
        IssueRun.State state = IssueRun.State.DONE;
        String message = "";
        try {
            for (int from = 0; from < customers.size(); from += CHUNK) {
                if (progress.cancelled()) {
                    state = IssueRun.State.CANCELLED;
                    break;
                }
                List<Integer> chunk = customers.subList(from, Math.min(customers.size(), from + CHUNK));
                long[] counts = issueChunk(run, chunk, actor);
                issued += counts[0];
                skipped += counts[1];
                progress.advance(counts[0] + counts[1]);
                if (counts[2] > 0) {
                    state = IssueRun.State.STOCK_OUT;
                    break;
                }
            }
        } catch (RuntimeException e) {
            state = IssueRun.State.FAILED;
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String summary = switch (state) {
            case DONE -> issued + " issued, " + skipped + " already had it";
            case STOCK_OUT -> "out of stock after " + issued + " issued (" + skipped + " already had it); raise the stock "
                    + "and resume run " + runId;
            case CANCELLED -> "cancelled after " + issued + " issued";
            default -> "failed after " + issued + " issued: " + message;
        };
        long total = customers.size();
        long doneIssued = issued;
        long doneSkipped = skipped;
        IssueRun.State end = state;
        unit.inTransaction(em -> {
            IssueRun r = em.find(IssueRun.class, runId);
            r.progress(total, doneIssued, doneSkipped);
            r.finish(end, summary, clock.instant());
            return null;
        });
        if (state == IssueRun.State.FAILED) {
            throw new IllegalStateException(summary);
        }
        return summary;
    }

    /** One transaction of issues. @return issued, skipped, and 1 if the stock ran out */
    private long[] issueChunk(IssueRun run, List<Integer> chunk, String actor) {
        long[] counts = new long[3];
        for (int customerId : chunk) {
            try {
                // a transaction per coupon: a stock-out must not undo the coupons issued before it in the chunk
                Coupons.Issued result = coupons.issue(run.templateId(), customerId, "run:" + run.id(), actor);
                counts[result.created() ? 0 : 1]++;
            } catch (MembershipException e) {
                if ("stock".equals(e.field())) {
                    counts[2] = 1;
                    return counts;
                }
                throw e;
            }
        }
        return counts;
    }

    private TagService requireTags() {
        TagService service = tags;
        if (service == null) {
            throw MembershipException.conflict("segment", "the tag service is not running: segments cannot be read now");
        }
        return service;
    }
}
