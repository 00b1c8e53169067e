package org.siyu.bench.segments;

import java.util.List;
import java.util.Map;
import org.siyu.bench.Stats;

/** A peer's figures: per expression and plan, the timed runs. */
record PeerResult(String name, String version, List<String> notes, long loadNanos,
        List<Map<SegmentSql.Plan, Stats>> byExpression) {

    SegmentSql.Plan best(int e) {
        Map<SegmentSql.Plan, Stats> plans = byExpression.get(e);
        return plans.keySet().stream().min((a, b) -> Double.compare(plans.get(a).medianNanos(),
                plans.get(b).medianNanos())).orElseThrow();
    }

    Stats bestStats(int e) {
        return byExpression.get(e).get(best(e));
    }
}
