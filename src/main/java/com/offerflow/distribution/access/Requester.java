package com.offerflow.distribution.access;

import java.util.Set;

/** Who asks for a token: a Camunda user and its groups, or nobody (anonymous: null user, no groups). */
public record Requester(String userId, Set<String> groups) {

    public static final Requester ANONYMOUS = new Requester(null, Set.of());

    public Requester {
        groups = Set.copyOf(groups);
    }

    public boolean anonymous() {
        return userId == null;
    }
}
