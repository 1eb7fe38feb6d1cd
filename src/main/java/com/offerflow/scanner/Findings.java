package com.offerflow.scanner;

import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the checks found. A check's status is the worst recorded (failed, then error, then warning);
 * a check that ran and recorded nothing else passed. Evidence is bounded per check so that a hostile image with a
 * million bad entries still gives a small report.
 */
final class Findings {

    enum Status { PASSED, WARNING, ERROR, FAILED }

    static final int MAX_EVIDENCE = 100;

    private final Map<Check, Status> status = new EnumMap<>(Check.class);
    private final Map<Check, List<Evidence>> evidence = new EnumMap<>(Check.class);
    private final Map<Check, Integer> dropped = new EnumMap<>(Check.class);

    synchronized void ran(Check check) {
        status.putIfAbsent(check, Status.PASSED);
    }

    synchronized void passed(Check check, Evidence e) {
        record(check, Status.PASSED, e);
    }

    synchronized void warn(Check check, Evidence e) {
        record(check, Status.WARNING, e);
    }

    synchronized void fail(Check check, Evidence e) {
        record(check, Status.FAILED, e);
    }

    synchronized void error(Check check, Evidence e) {
        record(check, Status.ERROR, e);
    }

    synchronized Status status(Check check) {
        return status.get(check);
    }

    synchronized boolean has(Check check, Status s) {
        return status.get(check) == s;
    }

    private void record(Check check, Status s, Evidence e) {
        Status old = status.get(check);
        if (old == null || s.ordinal() > old.ordinal()) {
            status.put(check, s);
        }
        if (e != null) {
            List<Evidence> list = evidence.computeIfAbsent(check, k -> new ArrayList<>());
            if (list.size() < MAX_EVIDENCE) {
                list.add(e);
            } else {
                dropped.merge(check, 1, Integer::sum);
            }
        }
    }

    /** Rewrites evidence (to say that a later layer deleted the file) before the report is built. */
    synchronized void rewriteEvidence(Check check, java.util.function.UnaryOperator<Evidence> rewrite) {
        List<Evidence> list = evidence.get(check);
        if (list != null) {
            list.replaceAll(rewrite);
        }
    }

    synchronized List<CheckResult> results(Status wanted) {
        List<CheckResult> out = new ArrayList<>();
        for (Check check : Check.values()) {
            if (status.get(check) != wanted) {
                continue;
            }
            List<Evidence> list = new ArrayList<>(evidence.getOrDefault(check, List.of()));
            Integer more = dropped.get(check);
            if (more != null) {
                list.add(Evidence.of("and " + more + " more of the same kind (not listed)"));
            }
            boolean ok = wanted == Status.PASSED;
            out.add(new CheckResult(check.id(), check.description(), ok ? null : check.help(),
                    ok ? null : check.suggestion(), list));
        }
        return out;
    }
}
