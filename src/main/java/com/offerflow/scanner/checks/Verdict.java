package com.offerflow.scanner.checks;

import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What one check concluded: its status (the worst recorded: failed, then error, then warning; passed when nothing
 * else was) and its evidence. Evidence is bounded, so that a hostile image with a million bad entries still gives a
 * small report: what is over the bound is counted.
 */
public record Verdict(Check check, Status status, List<Evidence> evidence, int unlisted) {

    /** In the order of severity. */
    public enum Status { PASSED, WARNING, ERROR, FAILED }

    public static final int MAX_EVIDENCE = 100;

    public Verdict {
        evidence = List.copyOf(evidence);
    }

    public static Builder of(Check check) {
        return new Builder(check);
    }

    /**
     * The check as the report shows it: what it found in the words of its outcome; unless it passed, what it
     * requires and why ({@code help}), and what to do.
     */
    public CheckResult result() {
        List<Evidence> list = new ArrayList<>(evidence);
        if (unlisted > 0) {
            list.add(Evidence.of("and " + unlisted + " more of the same kind (not listed)"));
        }
        boolean ok = status == Status.PASSED;
        return new CheckResult(check.id(), check.text(status), ok ? null : check.help(),
                ok ? null : check.suggestion(), list);
    }

    /** Collects a check's evidence; not thread-safe. */
    public static final class Builder {
        private final Check check;
        private final List<Evidence> evidence = new ArrayList<>();
        private Status status = Status.PASSED;
        private int unlisted;

        private Builder(Check check) {
            this.check = check;
        }

        public Builder passed(Evidence e) {
            return add(Status.PASSED, e);
        }

        public Builder warn(Evidence e) {
            return add(Status.WARNING, e);
        }

        public Builder fail(Evidence e) {
            return add(Status.FAILED, e);
        }

        public Builder error(Evidence e) {
            return add(Status.ERROR, e);
        }

        /** Records evidence of the given status. */
        public Builder add(Status s, Evidence e) {
            worsen(s);
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(e);
            } else {
                unlisted++;
            }
            return this;
        }

        /** Records {@code count} findings of the given status that were only counted, not listed. */
        public Builder unlisted(Status s, int count) {
            if (count > 0) {
                worsen(s);
                unlisted += count;
            }
            return this;
        }

        public Status status() {
            return status;
        }

        private void worsen(Status s) {
            if (s.ordinal() > status.ordinal()) {
                status = s;
            }
        }

        public Verdict build() {
            return new Verdict(check, status, evidence, unlisted);
        }
    }
}
