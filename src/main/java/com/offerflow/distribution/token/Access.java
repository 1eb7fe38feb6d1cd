package com.offerflow.distribution.token;

import java.util.List;

/**
 * One entry of a token's {@code access} claim: actions granted on a resource, e.g.
 * {@code {"type": "repository", "name": "westeurope/contoso/web", "actions": ["pull"]}}.
 */
public record Access(String type, String name, List<String> actions) {

    public static final String REPOSITORY = "repository";
    public static final String PULL = "pull";
    public static final String PUSH = "push";

    public Access {
        actions = List.copyOf(actions);
    }

    public static Access repository(String name, List<String> actions) {
        return new Access(REPOSITORY, name, actions);
    }

    /** Whether this entry grants {@code action} on the repository {@code name}. */
    public boolean grants(String repository, String action) {
        return REPOSITORY.equals(type) && name.equals(repository) && actions.contains(action);
    }
}
