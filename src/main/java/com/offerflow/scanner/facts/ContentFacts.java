package com.offerflow.scanner.facts;

import java.util.List;
import java.util.Map;

/**
 * What the content of all layers showed, entry by entry. Lists are bounded, so that a hostile image with a million
 * bad entries gives small facts: what is over the bound is only counted.
 *
 * @param pathIssues          suspicious entries, in the order read
 * @param unlistedPathIssues  how many more there were, by kind
 * @param flagged             files with malware or secrets, in the order read
 * @param unlistedFlagged     how many more there were
 * @param signatureProblems   why configured signature files could not be read
 * @param clamd               how clamd worked out; null when no clamd is configured
 */
public record ContentFacts(List<PathIssue> pathIssues, Map<PathIssue.Kind, Integer> unlistedPathIssues,
                           List<FlaggedFile> flagged, int unlistedFlagged, List<String> signatureProblems,
                           Clamd clamd) {

    public ContentFacts {
        pathIssues = List.copyOf(pathIssues);
        unlistedPathIssues = Map.copyOf(unlistedPathIssues);
        flagged = List.copyOf(flagged);
        signatureProblems = List.copyOf(signatureProblems);
    }

    /** The flagged files of one kind, in the order read. */
    public List<FlaggedFile> flagged(FlaggedFile.Kind kind) {
        return flagged.stream().filter(f -> f.kind() == kind).toList();
    }

    /**
     * The clamd the files were streamed to.
     *
     * @param address     {@code host:port}
     * @param unreachable why clamd did not answer before the layers were read (then no file was sent); else null
     * @param failure     why clamd failed while the layers were read (later files were not sent); else null
     */
    public record Clamd(String address, String unreachable, String failure) {
    }
}
